package io.clearname.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's application.properties, the one place that says what it needs in production: every {@code ${VAR}} read
 * outside the test and dev profiles must be provided by each overlay, and its {@code %kubernetes} section drops the
 * local defaults of those that must never fall back.
 */
record ServiceConfig(String service, Properties properties) {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern TOPIC_KEY =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|dead-letter-queue\\.topic)");
    private static final Set<String> ACTIVE_PROFILES = Set.of("prod", "kubernetes");

    static ServiceConfig of(String service) {
        Path file = Manifests.ROOT.resolve(service).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfig(service, properties);
    }

    /** The environment variables the service reads when it runs with QUARKUS_PROFILE=prod,kubernetes. */
    Set<String> requiredEnvironment() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (active(key)) {
                Matcher m = ENV.matcher(properties.getProperty(key));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** Topics its channels name, dead-letter topics included. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (active(key) && TOPIC_KEY.matcher(unprofiled(key)).matches()) {
                topics.add(properties.getProperty(key));
            }
        }
        return topics;
    }

    /** Topics its incoming channels consume, without their dead-letter topics. */
    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (active(key) && unprofiled(key).matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                topics.add(properties.getProperty(key));
            }
        }
        return topics;
    }

    /** {@code clearname.inbox.retention} as the pods run it: the service's own, else service-kit's default. */
    Duration inboxRetention() {
        return value("clearname.inbox.retention")
                .or(() -> Optional.ofNullable(kitDefaults().getProperty("clearname.inbox.retention")))
                .map(ServiceConfig::duration)
                .orElseThrow(() -> new AssertionError(service + ": no clearname.inbox.retention, nor a kit default"));
    }

    /** service-kit's META-INF/microprofile-config.properties: the defaults every service inherits. */
    static Properties kitDefaults() {
        Path file = Manifests.ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** {@code quarkus.shutdown.timeout} as the pods run it. */
    Optional<Duration> shutdownTimeout() {
        return value("quarkus.shutdown.timeout").map(ServiceConfig::duration);
    }

    /** The image Jib builds: group/name:tag, the tag being the project version unless configured. */
    String image() {
        String name = value("quarkus.container-image.name").orElse("${quarkus.application.name}");
        name = name.replace(
                "${quarkus.application.name}", value("quarkus.application.name").orElseThrow());
        String group = value("quarkus.container-image.group")
                .orElseThrow(() -> new AssertionError(service + ": quarkus.container-image.group is not set"));
        String tag = value("quarkus.container-image.tag").orElseGet(ServiceConfig::projectVersion);
        return group + "/" + name + ":" + tag;
    }

    private Optional<String> value(String key) {
        for (String profile : new String[] {"%kubernetes.", "%prod.", ""}) {
            String value = properties.getProperty(profile + key);
            if (value != null) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private static boolean active(String key) {
        if (!key.startsWith("%")) {
            return true;
        }
        String profiles = key.substring(1, key.indexOf('.'));
        for (String profile : profiles.split(",")) {
            if (ACTIVE_PROFILES.contains(profile)) {
                return true;
            }
        }
        return false;
    }

    private static String unprofiled(String key) {
        return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
    }

    /** Quarkus durations: ISO-8601 ({@code PT20S}) or a number with a unit ({@code 20S}, {@code 500ms}). */
    static Duration duration(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.startsWith("P")) {
            return Duration.parse(v);
        }
        if (v.endsWith("MS")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        return Duration.parse(v.endsWith("D") ? "P" + v : "PT" + v);
    }

    static String projectVersion() {
        String pom;
        try {
            pom = Files.readString(Manifests.ROOT.resolve("pom.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = Pattern.compile("<artifactId>clearname-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("no project version in the root pom.xml");
        }
        return m.group(1).trim();
    }
}
