package io.clearname.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Prints a development bearer token (and nothing else) on stdout, signed with the key pair in {@code STATE/keys}
 * (created if missing), for {@code ./clearname token}.
 *
 * <pre>
 * java -cp deploy/local/target/local-stack-runner.jar io.clearname.local.TokenCli [--state DIR] --account ID
 *     [--role user|reviewer|support]... [--auth-age SECONDS] [--ttl SECONDS]
 * </pre>
 *
 * {@code --role} may be repeated (default {@code user}); {@code auth_time} is now minus {@code --auth-age} (default
 * 0); the token expires after {@code --ttl} seconds (default 3600). Bad arguments: a usage line on stderr, exit code
 * 2.
 */
public final class TokenCli {
    static final String USAGE = "usage: TokenCli [--state DIR] --account ID [--role user|reviewer|support]..."
            + " [--auth-age SECONDS] [--ttl SECONDS]";
    private static final Set<String> ROLES = Set.of("user", "reviewer", "support");

    private TokenCli() {}

    /**
     * Prints the token.
     *
     * @param args see {@link TokenCli}
     */
    public static void main(String[] args) {
        ConsoleLogging.install();
        int rc = run(args, System.out, System.err);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path state = Path.of(".clearname");
        String account = null;
        Set<String> roles = new LinkedHashSet<>();
        long authAge = 0;
        long ttl = 3600;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + option);
                }
                String value = args[++i];
                switch (option) {
                    case "--state" -> state = Path.of(value);
                    case "--account" -> account = value;
                    case "--role" -> {
                        if (!ROLES.contains(value)) {
                            throw new IllegalArgumentException("unknown role " + value);
                        }
                        roles.add(value);
                    }
                    case "--auth-age" -> authAge = seconds(option, value, 0);
                    case "--ttl" -> ttl = seconds(option, value, 1);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (account == null || account.isBlank()) {
                throw new IllegalArgumentException("--account is required");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (roles.isEmpty()) {
            roles.add("user");
        }
        DevKeys keys = DevKeys.ensure(state.resolve("keys"));
        out.println(Tokens.sign(
                keys.privateKey(),
                Tokens.DEV_ISSUER,
                account,
                roles,
                Instant.now().minusSeconds(authAge),
                Duration.ofSeconds(ttl)));
        out.flush();
        return 0;
    }

    private static long seconds(String option, String value, long min) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= min) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a whole number of seconds >= " + min + ", not " + value);
    }
}
