package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged service started as production would start it, without its secrets or with the development values once
 * published as defaults, stops at once and says which property and environment variable to set. No broker or database
 * is needed: the configuration is refused before anything connects.
 */
class SecretsRequiredIT {

    private static final String PUBLISHED_KEY = "local-dev=bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ=";

    @TempDir
    Path workDir;

    @Test
    void accountServiceWithoutItsSecretsExitsNamingEachOne() throws Exception {
        Started account = start(Service.ACCOUNT, Map.of());

        assertThat(account.exitCode()).isNotZero();
        assertThat(account.output())
                .contains("encryption.keks is not set: set the environment variable ENCRYPTION_KEKS")
                .contains("encryption.active-kek is not set: set the environment variable ENCRYPTION_ACTIVE_KEK")
                .contains("clearing.id-fingerprint-pepper is not set: set the environment variable"
                        + " ID_FINGERPRINT_PEPPER");
    }

    @Test
    void verificationServiceWithoutItsTextKeysExitsNamingThem() throws Exception {
        Started verification = start(Service.VERIFICATION, Map.of());

        assertThat(verification.exitCode()).isNotZero();
        assertThat(verification.output())
                .contains("complaint.text-keys is not set: set the environment variable TEXT_KEYS")
                .contains("complaint.active-text-key is not set: set the environment variable ACTIVE_TEXT_KEY");
    }

    @Test
    void notificationServiceWithoutItsGatewayTokenExitsNamingIt() throws Exception {
        Started notification = start(Service.NOTIFICATION, Map.of());

        assertThat(notification.exitCode()).isNotZero();
        assertThat(notification.output())
                .contains("notification.sms.token is not set: set the environment variable SMS_GATEWAY_TOKEN");
    }

    @Test
    void thePublishedDevelopmentValuesAreRefused() throws Exception {
        Started account = start(
                Service.ACCOUNT,
                Map.of(
                        "ENCRYPTION_KEKS", PUBLISHED_KEY,
                        "ENCRYPTION_ACTIVE_KEK", "local-dev",
                        "ID_FINGERPRINT_PEPPER", "local-development-pepper-not-for-production"));

        assertThat(account.exitCode()).isNotZero();
        assertThat(account.output())
                .contains("encryption.keks is a development value published with clearname, which protects nothing:"
                        + " set the environment variable ENCRYPTION_KEKS to a secret of your own")
                .contains("clearing.id-fingerprint-pepper is a development value published with clearname");
    }

    private record Started(int exitCode, String output) {}

    private Started start(Service service, Map<String, String> secrets) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("clearname.root", "..")).toAbsolutePath();
        Path jar = root.resolve(service.artifactId()).resolve("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("packaged by ./mvnw -pl e2e -am verify").isRegularFile();
        Path log = workDir.resolve(service.artifactId() + ".log");
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx128m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Nothing of the caller's may supply a secret or a profile: this is a production start that forgot them.
        env.keySet()
                .removeIf(key -> key.startsWith("QUARKUS_")
                        || key.startsWith("CLEARNAME_")
                        || List.of(
                                        "ENCRYPTION_KEKS",
                                        "ENCRYPTION_ACTIVE_KEK",
                                        "ID_FINGERPRINT_PEPPER",
                                        "TEXT_KEYS",
                                        "ACTIVE_TEXT_KEY",
                                        "SMS_GATEWAY_TOKEN")
                                .contains(key));
        env.putAll(secrets);
        Process process = builder.start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError(service + " did not stop within 90 s; its log:\n" + read(log));
            }
            return new Started(process.exitValue(), read(log));
        } finally {
            process.destroyForcibly();
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
