package io.clearname.kit.secrets;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Refuses to let a service start without its secrets, or with a secret this repository publishes: a KEK, a pepper or a
 * token that reaches production by way of a forgotten profile would protect nothing.
 *
 * <p>A service names its secrets and the environment variable that sets each one in {@code application.properties}:
 *
 * <pre>
 * clearname.secrets.required."encryption.keks"=ENCRYPTION_KEKS
 * encryption.keks=${ENCRYPTION_KEKS}
 * %test.encryption.keks=local-dev=...
 * </pre>
 *
 * Reading a named secret that has no value fails with a message naming the property and the variable; one whose value
 * contains a {@link #PUBLISHED} development value fails the same way, unless {@value #DEVELOPMENT} is true (the kit
 * sets it for the {@code test} profile; the local launcher sets {@code CLEARNAME_SECRETS_DEVELOPMENT} only for a state
 * directory that an older launcher encrypted with those values). Both happen while the configuration is read, before
 * any bean uses a secret, so the service stops at start with the message in its log.
 *
 * <p>A configuration interceptor rather than a start-up observer: a secret that is missing would otherwise fail the
 * service's own configuration mapping first, with a message that names no environment variable. Registered through
 * {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}; its priority puts it outside the profile and
 * expression interceptors, so it sees values as the application gets them.
 */
@Priority(Priorities.APPLICATION)
public class RequiredSecrets implements ConfigSourceInterceptor {

    private static final long serialVersionUID = 1L;

    /** Prefix of the declarations: {@code clearname.secrets.required."<property>"=<ENVIRONMENT_VARIABLE>}. */
    public static final String REQUIRED = "clearname.secrets.required.";

    /** When true, published development values are accepted (tests, and the launcher for an old state directory). */
    public static final String DEVELOPMENT = "clearname.secrets.development";

    /**
     * Values this repository has published as local defaults: the KEK and complaint text key
     * ({@code local-development-key-not-secret} in base64), the ID fingerprint pepper and the SMS gateway token.
     */
    public static final List<String> PUBLISHED = List.of(
            "bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ=",
            "local-development-pepper-not-for-production",
            "local-development-token");

    private transient volatile Map<String, String> required;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (name.startsWith(REQUIRED) || name.equals(DEVELOPMENT)) {
            return context.proceed(name);
        }
        String variable = required(context).get(name);
        if (variable == null) {
            return context.proceed(name);
        }
        ConfigValue value;
        try {
            value = context.proceed(name);
        } catch (NoSuchElementException e) {
            // ${VARIABLE} without a default, and the variable is not set.
            throw new NoSuchElementException(missing(name, variable));
        }
        if (value == null || value.getValue() == null || value.getValue().isBlank()) {
            throw new NoSuchElementException(missing(name, variable));
        }
        if (isPublished(value.getValue()) && !development(context)) {
            throw new NoSuchElementException(name + " is a development value published with clearname, which protects"
                    + " nothing: set the environment variable " + variable + " to a secret of your own");
        }
        return value;
    }

    /** Whether {@code value} contains a value of {@link #PUBLISHED}. */
    static boolean isPublished(String value) {
        return PUBLISHED.stream().anyMatch(value::contains);
    }

    static String missing(String property, String variable) {
        return property + " is not set: set the environment variable " + variable
                + " (no default outside the test profile and the local launcher)";
    }

    private static boolean development(ConfigSourceInterceptorContext context) {
        ConfigValue value = context.proceed(DEVELOPMENT);
        return value != null && "true".equalsIgnoreCase(value.getValue());
    }

    private Map<String, String> required(ConfigSourceInterceptorContext context) {
        Map<String, String> names = required;
        if (names == null) {
            names = new TreeMap<>();
            for (Iterator<String> it = context.iterateNames(); it.hasNext(); ) {
                String declaration = it.next();
                if (declaration.startsWith(REQUIRED)) {
                    ConfigValue variable = context.proceed(declaration);
                    if (variable != null && variable.getValue() != null) {
                        names.put(unquote(declaration.substring(REQUIRED.length())), variable.getValue());
                    }
                }
            }
            required = names;
        }
        return names;
    }

    private static String unquote(String key) {
        return key.length() > 1 && key.startsWith("\"") && key.endsWith("\"")
                ? key.substring(1, key.length() - 1)
                : key;
    }
}
