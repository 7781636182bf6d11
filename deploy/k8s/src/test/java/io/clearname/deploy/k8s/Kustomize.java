package io.clearname.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads kustomization.yaml files, and renders them without kubectl for the part of kustomize these manifests use:
 * {@code namespace}, {@code resources} (files and directories), {@code patches} (JSON 6902 operations with a target,
 * or a merge patch of a custom resource) and {@code images}. Anything else fails, naming the field: such a
 * kustomization renders only with kubectl. When kubectl is present, a test checks that both renderings agree.
 */
final class Kustomize {
    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "PersistentVolume",
            "StorageClass",
            "PriorityClass");

    /** A patch of a kustomization: its file, the objects it targets, and its content (operations or an object). */
    record Patch(String source, JsonNode content, JsonNode target) {
        boolean isJson6902() {
            return content.isArray();
        }

        boolean targets(Manifest manifest) {
            if (target == null || target.isMissingNode()) {
                return manifest.kind().equals(content.path("kind").asText())
                        && manifest.name()
                                .equals(content.path("metadata").path("name").asText());
            }
            return matches(target.path("kind"), manifest.kind())
                    && matches(target.path("name"), manifest.name())
                    && matches(target.path("group"), manifest.group())
                    && matches(target.path("version"), manifest.version());
        }

        private static boolean matches(JsonNode wanted, String actual) {
            return wanted.isMissingNode() || wanted.asText().equals(actual);
        }
    }

    /** One kustomization directory: its own resource files, its directories (bases), its patches. */
    record Kustomization(Path dir, List<Manifest> ownResources, List<Path> bases, List<Patch> patches, JsonNode root) {}

    private Kustomize() {}

    static Kustomization read(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.exists(file)) {
            throw new AssertionError(Manifests.relative(dir) + " has no kustomization.yaml");
        }
        JsonNode root = Yaml.documents(file).get(0);
        List<Manifest> own = new ArrayList<>();
        List<Path> bases = new ArrayList<>();
        for (JsonNode resource : root.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                bases.add(path);
            } else if (Files.isRegularFile(path)) {
                own.addAll(Yaml.manifests(path, Manifests.relative(path)));
            } else {
                throw new AssertionError(Manifests.relative(file) + ": resource " + resource.asText() + " not found");
            }
        }
        List<Patch> patches = new ArrayList<>();
        for (JsonNode patch : root.path("patches")) {
            if (!patch.has("path")) {
                throw new AssertionError(Manifests.relative(file) + ": inline patches are not used here; use a file");
            }
            Path path = dir.resolve(patch.get("path").asText()).normalize();
            List<JsonNode> documents = Yaml.documents(path);
            if (documents.size() != 1) {
                throw new AssertionError(Manifests.relative(path) + ": a patch file holds one document");
            }
            patches.add(new Patch(Manifests.relative(path), documents.get(0), patch.path("target")));
        }
        return new Kustomization(dir, own, bases, patches, root);
    }

    /** The rendering of {@code dir}, as {@code kubectl kustomize dir} would give it for the features above. */
    static List<Manifest> render(Path dir) {
        Kustomization k = read(dir);
        for (Iterator<String> it = k.root().fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED.contains(field)) {
                throw new AssertionError(Manifests.relative(dir) + "/kustomization.yaml uses `" + field
                        + "`, which this build renders only with kubectl");
            }
        }
        List<Manifest> objects = new ArrayList<>();
        for (JsonNode resource : k.root().path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                objects.addAll(Yaml.manifests(path, Manifests.relative(path)));
            }
        }
        for (Patch patch : k.patches()) {
            List<Manifest> targets = objects.stream().filter(patch::targets).toList();
            if (targets.isEmpty()) {
                throw new AssertionError(patch.source() + " patches nothing");
            }
            for (Manifest target : targets) {
                if (patch.isJson6902()) {
                    JsonPatch.apply(target.node(), (ArrayNode) patch.content(), patch.source());
                } else if (KubernetesModel.isBuiltIn(target.group())) {
                    throw new AssertionError(patch.source() + ": a strategic merge patch of a built-in object renders"
                            + " only with kubectl; use JSON 6902 operations");
                } else {
                    mergePatch(target.node(), (ObjectNode) patch.content());
                }
            }
        }
        for (JsonNode image : k.root().path("images")) {
            objects.forEach(object -> setImage(object.node(), image));
        }
        String namespace = k.root().path("namespace").asText(null);
        if (namespace != null) {
            for (Manifest object : objects) {
                if (!CLUSTER_SCOPED.contains(object.kind())) {
                    ((ObjectNode) object.node().with("metadata")).put("namespace", namespace);
                }
            }
        }
        return objects;
    }

    /** RFC 7386, as kustomize applies a patch object to a custom resource. */
    static void mergePatch(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                mergePatch(existing, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static void setImage(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            JsonNode current = node.get("image");
            if (current != null && current.isTextual() && node.has("name")) {
                String ref = current.asText();
                int colon = ref.lastIndexOf(':');
                boolean tagged = colon > ref.lastIndexOf('/');
                String name = tagged ? ref.substring(0, colon) : ref;
                String tag = tagged ? ref.substring(colon + 1) : null;
                if (name.equals(image.path("name").asText())) {
                    String newName = image.path("newName").asText(name);
                    String newTag = image.path("newTag").asText(tag);
                    ((ObjectNode) node).put("image", newTag == null ? newName : newName + ":" + newTag);
                }
            }
            node.elements().forEachRemaining(child -> setImage(child, image));
        } else if (node.isArray()) {
            node.forEach(child -> setImage(child, image));
        }
    }
}
