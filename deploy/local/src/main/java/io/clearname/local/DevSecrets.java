package io.clearname.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The secrets the services refuse to start without (service-kit's {@code RequiredSecrets}), generated once per state
 * directory into {@code keys/secrets.env} ({@code KEY=VALUE} lines, owner-only) and reused afterwards, so data
 * encrypted in one run stays readable in the next: the account KEK, the ID fingerprint pepper, the complaint text key
 * and the SMS gateway token. {@link LocalStack} writes them into {@code stack.env}, which the launcher exports to the
 * services.
 *
 * <p>A state directory that an older launcher filled ran on the development values once published as defaults. Its
 * data keys and complaint texts are sealed with the old development key, so for such a directory the old key stays
 * listed as an extra, inactive key ({@code local-dev}), next to a new active one: account-service rewraps its data keys
 * to the new KEK within minutes, complaint texts keep opening with the old one. Because the old key is a published
 * value, the services are told they run on development secrets ({@code CLEARNAME_SECRETS_DEVELOPMENT=true}). Deleting
 * the state directory starts afresh without it.
 */
public final class DevSecrets {
    private static final Logger LOG = Logger.getLogger(DevSecrets.class.getName());

    static final String FILE = "secrets.env";

    /** The key id of the generated KEK and complaint text key. */
    static final String KEY_ID = "local-1";

    /** The development key older launchers used for KEKs and complaint texts, under its id. */
    static final String OLD_DEVELOPMENT_KEY = "local-dev=bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> environment;

    private DevSecrets(Map<String, String> environment) {
        this.environment = Collections.unmodifiableMap(environment);
    }

    /**
     * Returns the secrets in {@code dir}, generating them the first time.
     *
     * @param olderState whether the state directory holds data of a launcher from before generated secrets (its
     *     database exists, its secrets do not): then the old development key stays readable, see {@link DevSecrets}
     */
    public static synchronized DevSecrets ensure(Path dir, boolean olderState) {
        Path directory = dir.toAbsolutePath().normalize();
        Path file = directory.resolve(FILE);
        try {
            DevKeys.createPrivateDirectories(directory);
            try (FileChannel lockFile = FileChannel.open(
                            directory.resolve(".secrets.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.exists(file)) {
                    DevKeys.writeOwnerOnly(file, format(generate(olderState)));
                    LOG.info("created the services' secrets in " + file
                            + (olderState ? ", keeping the old development key readable" : ""));
                }
                return new DevSecrets(parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the services' secrets in " + directory, e);
        }
    }

    /** The variables to export to the services, in a stable order. */
    public Map<String, String> environment() {
        return environment;
    }

    private static Map<String, String> generate(boolean olderState) {
        String kek = KEY_ID + "=" + random(32);
        String textKey = KEY_ID + "=" + random(32);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ENCRYPTION_KEKS", olderState ? kek + "," + OLD_DEVELOPMENT_KEY : kek);
        env.put("ENCRYPTION_ACTIVE_KEK", KEY_ID);
        env.put("ID_FINGERPRINT_PEPPER", random(32));
        env.put("TEXT_KEYS", olderState ? textKey + "," + OLD_DEVELOPMENT_KEY : textKey);
        env.put("ACTIVE_TEXT_KEY", KEY_ID);
        env.put("SMS_GATEWAY_TOKEN", random(24));
        if (olderState) {
            env.put("CLEARNAME_SECRETS_DEVELOPMENT", "true");
        }
        return env;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    private static String format(Map<String, String> env) {
        StringBuilder text = new StringBuilder("# Secrets of the services ./clearname runs on this state directory;"
                + " generated once, never committed.\n");
        env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return env;
    }
}
