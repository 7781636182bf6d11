package io.clearname.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the manifests are, and a kustomization rendered by kubectl. */
final class Manifests {
    static final Path ROOT = root();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Path BASE = K8S.resolve("base");
    static final List<String> SERVICES = List.of("account-service", "verification-service", "notification-service");

    private Manifests() {}

    /** An overlay's objects, and the Secrets it expects to be created out of band (secrets-to-create.yaml). */
    record Rendering(String overlay, List<Manifest> objects, List<Manifest> outOfBand) {}

    static Path overlay(String name) {
        return K8S.resolve("overlays").resolve(name);
    }

    static Rendering render(String overlay) {
        return render(overlay, overlay(overlay));
    }

    static Rendering render(String overlay, Path dir) {
        Path file = dir.resolve("secrets-to-create.yaml");
        List<Manifest> outOfBand = Files.exists(file) ? Yaml.manifests(file, relative(file)) : List.of();
        return new Rendering(overlay, kustomize(dir), outOfBand);
    }

    /** {@code kubectl kustomize dir}, as objects. */
    static List<Manifest> kustomize(Path dir) {
        String source = relative(dir) + " (kustomize)";
        List<Manifest> objects = new ArrayList<>();
        for (JsonNode document : Yaml.documents(Kubectl.kustomize(dir))) {
            objects.add(new Manifest(source, (ObjectNode) document));
        }
        return objects;
    }

    static String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(K8S) ? K8S.relativize(absolute).toString() : absolute.toString();
    }

    private static Path root() {
        String configured = System.getProperty("clearname.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s/base"))) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("no deploy/k8s/base above " + start);
    }
}
