package io.clearname.local;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints a development bearer token (and nothing else) on stdout, signed with the key pair in {@code STATE/keys}
 * (created if missing), for {@code ./clearname token}.
 *
 * <pre>
 * java -cp deploy/local/target/local-stack-runner.jar io.clearname.local.TokenCli [--state DIR] --account ID
 *     [--role user|reviewer|reviewer-lead|support]... [--auth-age SECONDS] [--ttl SECONDS]
 * </pre>
 *
 * {@code --role} may be repeated (default {@code user}); {@code auth_time} is now minus {@code --auth-age} (default
 * 0); the token expires after {@code --ttl} seconds (default 3600). Bad arguments: what is wrong and the usage on
 * stderr, exit code 2 (see {@link Cli}).
 */
@Command(
        name = "TokenCli",
        sortOptions = false,
        sortSynopsis = false,
        description = "Prints a development bearer token, signed with the key pair in STATE/keys (created if missing).")
public final class TokenCli implements Callable<Integer> {
    private static final Set<String> ROLES = Set.of("user", "reviewer", "reviewer-lead", "support");

    @Spec
    private CommandSpec spec;

    @Mixin
    private Cli.StateOption state;

    @Option(names = "--account", required = true, paramLabel = "ID", description = "The account id: sub and upn.")
    private String account;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            description = "user, reviewer or support; may be repeated (default: user).")
    private List<String> roles;

    @Option(
            names = "--auth-age",
            paramLabel = "SECONDS",
            defaultValue = "0",
            description = "How long ago the user signed in: auth_time is now minus this (default: ${DEFAULT-VALUE}).")
    private long authAge;

    @Option(
            names = "--ttl",
            paramLabel = "SECONDS",
            defaultValue = "3600",
            description = "How long the token is valid (default: ${DEFAULT-VALUE}).")
    private long ttl;

    @Mixin
    private Cli.HelpOption help;

    /**
     * Prints the token.
     *
     * @param args see {@link TokenCli}
     */
    public static void main(String[] args) {
        Cli.main(new TokenCli(), args);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(new TokenCli(), args, out, err);
    }

    @Override
    public Integer call() {
        if (account.isBlank()) {
            throw Cli.badArgument(spec.commandLine(), "--account is required");
        }
        Set<String> groups = new LinkedHashSet<>(roles == null ? List.of("user") : roles);
        for (String role : groups) {
            if (!ROLES.contains(role)) {
                throw Cli.badArgument(spec.commandLine(), "unknown role " + role);
            }
        }
        requireAtLeast("--auth-age", authAge, 0);
        requireAtLeast("--ttl", ttl, 1);

        DevKeys keys = DevKeys.ensure(state.dir().resolve("keys"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(Tokens.sign(
                keys.privateKey(),
                Tokens.DEV_ISSUER,
                account,
                groups,
                Instant.now().minusSeconds(authAge),
                Duration.ofSeconds(ttl)));
        out.flush();
        return 0;
    }

    private void requireAtLeast(String option, long seconds, long min) {
        if (seconds < min) {
            throw Cli.badArgument(
                    spec.commandLine(), option + " needs a whole number of seconds >= " + min + ", not " + seconds);
        }
    }
}
