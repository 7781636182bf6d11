package io.clearname.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSecretsTest {
    private static final List<String> NAMES = List.of(
            "ENCRYPTION_KEKS",
            "ENCRYPTION_ACTIVE_KEK",
            "ID_FINGERPRINT_PEPPER",
            "TEXT_KEYS",
            "ACTIVE_TEXT_KEY",
            "SMS_GATEWAY_TOKEN");

    @TempDir
    Path dir;

    @Test
    void generatesEverySecretOnceAndReusesThem() throws Exception {
        Map<String, String> first =
                DevSecrets.ensure(dir.resolve("keys"), false).environment();
        Map<String, String> again =
                DevSecrets.ensure(dir.resolve("keys"), false).environment();

        assertEquals(NAMES, List.copyOf(first.keySet()));
        assertEquals(first, again);
        Path file = dir.resolve("keys").resolve(DevSecrets.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(DevSecrets.KEY_ID, first.get("ENCRYPTION_ACTIVE_KEK"));
        assertEquals(32, Base64.getDecoder().decode(first.get("ENCRYPTION_KEKS").substring(8)).length);
        assertEquals(32, Base64.getDecoder().decode(first.get("TEXT_KEYS").substring(8)).length);
    }

    @Test
    void everyStateDirectoryGetsSecretsOfItsOwnAndNoneIsTheOldDevelopmentKey() {
        Map<String, String> one = DevSecrets.ensure(dir.resolve("one"), false).environment();
        Map<String, String> other =
                DevSecrets.ensure(dir.resolve("other"), false).environment();

        for (String name : List.of("ENCRYPTION_KEKS", "ID_FINGERPRINT_PEPPER", "TEXT_KEYS", "SMS_GATEWAY_TOKEN")) {
            assertNotEquals(one.get(name), other.get(name), name);
        }
        assertFalse(String.join(",", one.values()).contains("bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ="));
        assertFalse(one.containsKey("CLEARNAME_SECRETS_DEVELOPMENT"));
    }

    @Test
    void aStateDirectoryOfAnOlderLauncherKeepsTheOldDevelopmentKeyAsAnInactiveOne() {
        Map<String, String> env = DevSecrets.ensure(dir.resolve("keys"), true).environment();

        assertTrue(env.get("ENCRYPTION_KEKS").startsWith(DevSecrets.KEY_ID + "="));
        assertTrue(env.get("ENCRYPTION_KEKS").endsWith("," + DevSecrets.OLD_DEVELOPMENT_KEY));
        assertEquals(DevSecrets.KEY_ID, env.get("ENCRYPTION_ACTIVE_KEK"));
        assertTrue(env.get("TEXT_KEYS").endsWith("," + DevSecrets.OLD_DEVELOPMENT_KEY));
        assertEquals(DevSecrets.KEY_ID, env.get("ACTIVE_TEXT_KEY"));
        assertEquals("true", env.get("CLEARNAME_SECRETS_DEVELOPMENT"));
        // Remembered: later starts keep reading the old key although the secrets file now exists.
        assertEquals(env, DevSecrets.ensure(dir.resolve("keys"), false).environment());
    }
}
