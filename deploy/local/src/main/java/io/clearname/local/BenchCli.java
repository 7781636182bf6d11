package io.clearname.local;

import io.clearname.local.bench.Bench;
import io.clearname.local.bench.ProcessStats;
import io.clearname.local.bench.Report;
import io.clearname.local.bench.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./clearname bench}: load through the public API of a running suite, followed through its events.
 *
 * <p>Against the local suite of {@code ./clearname up} it needs no options: it reads where everything is from the
 * state directory, signs tokens with the development key, and also reports CPU and memory per process and counts
 * mails and texts where they arrive. Against another deployment, give {@code --remote} with the account-service URL,
 * the Kafka bootstrap servers and a command that prints tokens.
 *
 * <p>Exit code 0 when every clearing concluded once with all its notices, 1 otherwise, 2 for bad options.
 */
@Command(
        name = "clearname bench",
        sortOptions = false,
        description = {
            "Drives clearings through the suite's public API (accounts created through the support API, submissions"
                    + " with an Idempotency-Key), follows each through its events until it is CLEARED with all its"
                    + " notices, and prints a table and one JSON line: throughput, latency, CPU and memory per"
                    + " process, correctness.",
            "Without --rate: saturation (closed loop, at most --max-open clearings open). With --rate: a fixed rate"
                    + " (open loop, latency counted from each submission's due time)."
        })
public final class BenchCli implements Callable<Integer> {

    @Option(names = "--rate", description = "Submissions per second (open loop); saturation when not given.")
    Double rate;

    @Option(
            names = "--clearings",
            description = "Clearings in the measured phase (default: 3000 in saturation, 30 s worth at --rate).")
    Integer clearings;

    @Option(
            names = "--warmup",
            defaultValue = "PT60S",
            description = "How long the same load runs before the measured phase (ISO-8601; default 60 s, which lets"
                    + " the JIT of four JVMs settle on two cores; less makes the figures a cold start's).")
    Duration warmup;

    @Option(
            names = "--open-until",
            defaultValue = "notified",
            description = "Saturation: a clearing counts as open until it is 'cleared' or until every notice is out"
                    + " ('notified', the default). With 'cleared' the CLEARED rate is measured while notices may lag.")
    String openUntil;

    @Option(names = "--warmup-clearings", description = "A number of warm-up clearings instead of --warmup.")
    Integer warmupClearings;

    @Option(names = "--workers", defaultValue = "16", description = "Saturation: submissions in flight at once.")
    int workers;

    @Option(
            names = "--max-open",
            defaultValue = "1024",
            description = "Saturation: clearings submitted and not yet complete, at most.")
    int maxOpen;

    @Option(
            names = "--notices",
            defaultValue = "4",
            description = "Notices (UserNotified) a cleared request gets: receipt and outcome, by SMS and email.")
    int notices;

    @Option(
            names = "--drain-timeout",
            defaultValue = "PT120S",
            description = "How long to wait after the last submission for every clearing to complete (ISO-8601).")
    Duration drainTimeout;

    @Option(
            names = "--recent-authentication",
            defaultValue = "PT300S",
            description = "The suite's sign-in window for submitting; tokens older than it are signed again.")
    Duration recentAuthentication;

    @Option(
            names = "--reads",
            defaultValue = "PT0S",
            description = "After the clearings, people follow their requests: closed loops of GET"
                    + " /api/v1/me/clearing-requests/{id} measured for this long (ISO-8601, e.g. PT30S; warm-up a"
                    + " third of it, at least 5 s). Default: no read phase.")
    Duration reads;

    @Option(names = "--read-connections", defaultValue = "32", description = "The read phase's concurrent readers.")
    int readConnections;

    @Mixin
    private Cli.StateOption state;

    @Mixin
    private Cli.HelpOption help;

    @Option(
            names = "--remote",
            description = "Another deployment: no state directory, no per-process figures, no mail or text counts.")
    boolean remote;

    @Option(
            names = "--account-url",
            defaultValue = "http://127.0.0.1:8081",
            description = "account-service's base URL.")
    URI accountUrl;

    @Option(names = "--kafka", description = "Kafka bootstrap servers (local: from the state directory).")
    String kafka;

    @Option(
            names = "--token-command",
            description = "Prints a bearer token; {account} and {role} (user, support) are replaced. Local: tokens"
                    + " are signed with the development key.")
    String tokenCommand;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Cli.main(new BenchCli(), args);
    }

    @Override
    public Integer call() throws Exception {
        if (rate != null && rate <= 0) {
            throw Cli.badArgument(spec.commandLine(), "--rate must be positive");
        }
        int measured = clearings != null ? clearings : rate == null ? 3000 : (int) Math.ceil(rate * 30);
        if (measured <= 0
                || (warmupClearings != null && warmupClearings < 0)
                || warmup.isNegative()
                || notices < 2
                || notices % 2 != 0
                || reads.isNegative()
                || readConnections <= 0
                || !(openUntil.equals("cleared") || openUntil.equals("notified"))) {
            throw Cli.badArgument(
                    spec.commandLine(),
                    "--clearings must be positive, --warmup and --warmup-clearings not negative, --notices even,"
                            + " --open-until cleared or notified, --reads not negative, --read-connections positive");
        }
        var plan = new Bench.Plan(
                rate,
                measured,
                warmupClearings == null ? -1 : warmupClearings,
                warmup,
                openUntil.equals("cleared"),
                workers,
                maxOpen,
                drainTimeout,
                notices,
                recentAuthentication,
                reads,
                readConnections);

        Bench.Target target;
        if (remote) {
            if (kafka == null || tokenCommand == null) {
                throw Cli.badArgument(spec.commandLine(), "--remote needs --kafka and --token-command");
            }
            target = new Bench.Target(accountUrl, kafka, null, null, TokenSource.command(tokenCommand), null);
        } else {
            target = local();
        }
        Report report = new Bench(plan, target, System.err).run();
        report.print(System.out);
        return report.ok() ? 0 : 1;
    }

    /** The suite of {@code ./clearname up}: stack.env for the addresses, pid files for the processes. */
    private Bench.Target local() throws IOException {
        Path state = this.state.dir();
        if (!StackEnv.exists(state)) {
            throw Cli.badArgument(
                    spec.commandLine(),
                    "no local suite runs (" + state.resolve("stack.env")
                            + " is missing): start it with ./clearname up, or use --remote");
        }
        Map<String, String> stack = StackEnv.read(state);
        List<ProcessStats.Watched> watched = new ArrayList<>();
        for (String service : List.of("account-service", "verification-service", "notification-service")) {
            pid(state.resolve(service + ".pid"))
                    .ifPresent(pid -> watched.add(new ProcessStats.Watched(service, pid, false)));
        }
        // The stack's JVM runs the broker and the SMTP and SMS stand-ins; their threads tell them apart. The JIT and GC
        // of that JVM count to the broker.
        pid(state.resolve("stack.pid"))
                .ifPresent(pid -> watched.add(new ProcessStats.Watched(
                        ProcessStats.STAND_INS,
                        pid,
                        false,
                        List.of("smtp:", "mailbox-http", "HTTP-Dispatcher", "sms-gateway"),
                        "Kafka broker (stack JVM)")));
        // pg_ctl detaches the postmaster from the stack's JVM; its data directory names it.
        pid(state.resolve("pgdata").resolve("postmaster.pid"))
                .ifPresent(pid -> watched.add(new ProcessStats.Watched("postgresql", pid, true)));
        watched.add(new ProcessStats.Watched(
                ProcessStats.BENCH, ProcessHandle.current().pid(), false));
        return new Bench.Target(
                accountUrl,
                kafka != null ? kafka : stack.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                uri(stack.get("MAILBOX_URL")),
                uri(stack.get("SMS_GATEWAY_URL")),
                tokenCommand != null ? TokenSource.command(tokenCommand) : TokenSource.local(state),
                new ProcessStats(watched));
    }

    private static java.util.Optional<Long> pid(Path file) throws IOException {
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
        return first.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(first));
    }

    private static URI uri(String value) {
        return value == null || value.isBlank() ? null : URI.create(value);
    }
}
