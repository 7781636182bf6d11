package io.clearname.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the manifests are, and how an overlay is rendered: by kubectl when it is there, else by {@link Kustomize}. */
final class Manifests {
    static final Path ROOT = root();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Path BASE = K8S.resolve("base");
    static final List<String> SERVICES = List.of("account-service", "verification-service", "notification-service");

    private static volatile boolean announced;

    private Manifests() {}

    /** An overlay's objects, and the Secrets it expects to be created out of band (secrets-to-create.yaml). */
    record Rendering(String overlay, List<Manifest> objects, List<Manifest> outOfBand, boolean byKubectl) {}

    static Path overlay(String name) {
        return K8S.resolve("overlays").resolve(name);
    }

    static Rendering render(String overlay) {
        return render(overlay, overlay(overlay));
    }

    static Rendering render(String overlay, Path dir) {
        Optional<Path> kubectl = Kubectl.find();
        List<Manifest> objects = kubectl.map(path -> Yaml.documents(Kubectl.kustomize(path, dir)).stream()
                        .map(node -> new Manifest(
                                "overlays/" + overlay + " (kubectl)",
                                (com.fasterxml.jackson.databind.node.ObjectNode) node))
                        .toList())
                .orElseGet(() -> {
                    announce();
                    return Kustomize.render(dir);
                });
        return new Rendering(overlay, objects, outOfBand(dir), kubectl.isPresent());
    }

    static List<Manifest> outOfBand(Path overlayDir) {
        Path file = overlayDir.resolve("secrets-to-create.yaml");
        return Files.exists(file) ? Yaml.manifests(file, relative(file)) : List.of();
    }

    /** The one line a build without kubectl prints. */
    static void announce() {
        if (!announced) {
            announced = true;
            System.getLogger(Manifests.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            "kubectl not found (set KUBECTL to name it): overlays are rendered by the build's own"
                                    + " kustomize subset; base and every patch are validated on their own");
        }
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
