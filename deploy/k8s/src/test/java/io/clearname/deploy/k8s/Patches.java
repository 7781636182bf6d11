package io.clearname.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An overlay's patches, each on its own: a patch object must fit its model; an operation must not remove a probe,
 * resource limits or a security setting, nor lower replicas below what the overlay promises; and every object a patch
 * targets in the base must still fit its model and the Deployment rules once patched.
 */
final class Patches {
    private Patches() {}

    static List<String> check(String overlay) {
        return check(overlay, Manifests.overlay(overlay));
    }

    /** @param dir the overlay's directory; its base is {@code ../../base} */
    static List<String> check(String overlay, Path dir) {
        Invariants.Expectations expect = Invariants.Expectations.of(overlay);
        Kustomize.Kustomization k = Kustomize.read(dir);
        List<Manifest> candidates =
                new ArrayList<>(Kustomize.render(dir.resolve("../../base").normalize()));
        candidates.addAll(k.ownResources());
        List<String> problems = new ArrayList<>();
        for (Kustomize.Patch patch : k.patches()) {
            if (patch.isJson6902()) {
                operations(patch, expect, problems);
            } else {
                Manifest partial = new Manifest(patch.source(), (ObjectNode) patch.content());
                Models.check(partial, true).forEach(p -> problems.add(patch.source() + " " + p));
            }
            List<Manifest> targets = candidates.stream()
                    .filter(patch::targets)
                    .map(Manifest::copy)
                    .toList();
            if (targets.isEmpty()) {
                problems.add(patch.source() + ": patches nothing");
            }
            for (Manifest target : targets) {
                try {
                    if (patch.isJson6902()) {
                        JsonPatch.apply(target.node(), (ArrayNode) patch.content(), patch.source());
                    } else {
                        Kustomize.mergePatch(target.node(), (ObjectNode) patch.content());
                    }
                } catch (AssertionError e) {
                    problems.add(e.getMessage());
                    continue;
                }
                String id = target.id() + " patched by " + patch.source();
                Models.check(target, false).forEach(p -> problems.add(id + " " + p));
                if (target.kind().equals("Deployment")) {
                    Invariants.checkDeployment(target).forEach(p -> problems.add(id + ": " + p));
                }
            }
        }
        return problems;
    }

    private static void operations(Kustomize.Patch patch, Invariants.Expectations expect, List<String> problems) {
        for (JsonNode operation : patch.content()) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            JsonNode value = operation.get("value");
            String where = patch.source() + " " + op + " " + path + ": ";
            boolean guarded = path.contains("Probe")
                    || path.contains("/resources")
                    || path.contains("/limits")
                    || path.contains("securityContext")
                    || path.contains("lifecycle");
            if (op.equals("remove") && guarded) {
                problems.add(where + "removes what every Deployment must have");
            }
            if ((op.equals("add") || op.equals("replace")) && (value == null || value.isNull())) {
                problems.add(where + "sets nothing");
                continue;
            }
            if (value != null
                            && path.endsWith("/resources")
                            && patch.target().path("kind").asText().equals("Deployment")
                    || value != null && path.matches(".*/containers/\\d+/resources")) {
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (!value.path(kind).hasNonNull(resource)) {
                            problems.add(where + "leaves no " + kind + "." + resource);
                        }
                    }
                }
            }
            String kind = patch.target().path("kind").asText();
            if (value != null
                    && (path.equals("/spec/minReplicas") && kind.equals("HorizontalPodAutoscaler")
                            || path.equals("/spec/replicas") && kind.equals("Deployment"))
                    && value.asInt() < expect.minServiceReplicas()) {
                problems.add(where + value + " replicas, below the overlay's " + expect.minServiceReplicas());
            }
        }
    }
}
