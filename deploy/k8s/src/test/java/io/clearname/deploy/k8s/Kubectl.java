package io.clearname.deploy.k8s;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kubectl users deploy with, whose built-in kustomize renders the overlays offline. Found on PATH, or named by the
 * system property {@code clearname.kubectl} or the environment variable {@code KUBECTL}; naming a file that does not
 * exist (e.g. {@code KUBECTL=/nonexistent}) runs the build as on a machine without kubectl.
 */
final class Kubectl {
    private static final long TIMEOUT_SECONDS = 60;

    private Kubectl() {}

    static Optional<Path> find() {
        String named = System.getProperty("clearname.kubectl", System.getenv("KUBECTL"));
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code kubectl kustomize dir}: the rendered YAML; a failure fails the build with kubectl's message. */
    static String kustomize(Path kubectl, Path dir) {
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
}
