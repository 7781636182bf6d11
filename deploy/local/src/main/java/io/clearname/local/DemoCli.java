package io.clearname.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Talks to a running suite through its public API ({@link SuiteClient}), as a client would. {@code seed} creates the
 * demo accounts that {@code ./clearname up} lists; {@code demo} walks a new account through a whole clearing and
 * prints its timeline.
 *
 * <pre>
 * java -cp local-stack-runner.jar io.clearname.local.DemoCli seed|demo [--state DIR] [--account-url URL]
 * </pre>
 *
 * Exit code 0 when done, 1 when the demo's request did not conclude or a call failed, 2 for bad arguments (see
 * {@link Cli}).
 */
@Command(
        name = "DemoCli",
        sortOptions = false,
        sortSynopsis = false,
        synopsisSubcommandLabel = "seed|demo",
        description = "Seeds the demo accounts, or walks a new account through a whole clearing.")
public final class DemoCli {

    private static final Duration DEMO_TIMEOUT = Duration.ofSeconds(90);

    @Mixin
    private Cli.StateOption stateOption;

    @Option(
            names = "--account-url",
            paramLabel = "URL",
            defaultValue = "http://127.0.0.1:8081",
            scope = ScopeType.INHERIT,
            description = "account-service's base URL (default: ${DEFAULT-VALUE}).")
    private URI accountService;

    @Mixin
    private Cli.HelpOption help;

    public static void main(String[] args) {
        Cli.main(new DemoCli(), args);
    }

    @Command(
            name = "seed",
            description = "Creates a verified and an unverified demo account, once, and lists them in "
                    + "STATE/demo-accounts.txt.")
    int seed() throws IOException, InterruptedException {
        SuiteClient suite = suite();
        Path list = state().resolve("demo-accounts.txt");
        if (Files.exists(list)) {
            String first = Files.readAllLines(list).stream()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .findFirst()
                    .orElse("");
            String id = first.split("\\s+")[0];
            if (!id.isBlank() && suite.accountExists(id)) {
                System.out.println("[clearname] demo accounts already exist: " + list);
                return 0;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# account id                          real name    phone           email");
        UUID verified = suite.createVerifiedAccount("+8613800000001", "demo.verified@example.com", "zh-CN");
        lines.add(verified + "  VERIFIED     +8613800000001  demo.verified@example.com");
        UUID unverified = suite.createAccount("+8613800000002", "demo.unverified@example.com", "en");
        lines.add(unverified + "  UNVERIFIED   +8613800000002  demo.unverified@example.com");
        Files.write(list, lines);
        System.out.println("[clearname] demo accounts: " + list);
        lines.forEach(l -> System.out.println("    " + l));
        return 0;
    }

    @Command(
            name = "demo",
            description =
                    "Walks a new verified account through a whole clearing and prints its " + "timeline and mail.")
    int demo() throws IOException, InterruptedException {
        SuiteClient suite = suite();
        String email = FakePeople.email("demo");
        UUID account = suite.createVerifiedAccount(FakePeople.phone(), email, "en");
        System.out.println("account " + account + " brought over with a real name verified 30 days ago (" + email
                + "; the API only ever shows the name masked)");
        String requestId = suite.submitClearing(account);
        System.out.println("clearing " + requestId + " submitted; following it...");

        JsonNode request = follow(suite, account, requestId);
        if (request == null) {
            System.out.println("the request could not be read");
            return 1;
        }

        System.out.println();
        System.out.println("status: " + request.path("status").asText());
        System.out.println("timeline:");
        for (JsonNode entry : request.path("timeline")) {
            System.out.printf(
                    "  %-30s %-14s %s%n",
                    entry.path("at").asText(),
                    entry.path("type").asText(),
                    entry.path("detail").asText());
        }
        var mail = suite.mailTo(email);
        if (mail.isPresent()) {
            System.out.println("mail received by " + email + ":");
            for (JsonNode received : mail.get()) {
                System.out.println("  subject: " + received.path("subject").asText());
            }
        }
        return concluded(request) ? 0 : 1;
    }

    private static boolean concluded(JsonNode request) {
        String status = request.path("status").asText();
        if (!Set.of("CLEARED", "REJECTED", "WITHDRAWN").contains(status)) {
            return false;
        }
        // The outcome's notice, by SMS and by email, is delivered after the outcome's own entry; notices before it
        // (the receipt, the approval during a cooling-off) do not count.
        int afterOutcome = 0;
        boolean outcomeSeen = false;
        for (JsonNode entry : request.path("timeline")) {
            String type = entry.path("type").asText();
            outcomeSeen |= status.equals(type);
            afterOutcome += outcomeSeen && "USER_NOTIFIED".equals(type) ? 1 : 0;
        }
        return afterOutcome >= 2;
    }

    /**
     * Reads the request every half second until it has concluded and its notice is on the timeline, or the demo's
     * time is up; returns the last view either way.
     */
    private static JsonNode follow(SuiteClient suite, UUID account, String requestId) throws InterruptedException {
        var last = new AtomicReference<JsonNode>();
        var done = new CompletableFuture<Void>();
        var poller = Executors.newSingleThreadScheduledExecutor();
        try {
            poller.scheduleWithFixedDelay(
                    () -> {
                        try {
                            last.set(suite.clearingRequest(account, requestId));
                            if (concluded(last.get())) {
                                done.complete(null);
                            }
                        } catch (IOException | RuntimeException e) {
                            done.completeExceptionally(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    0,
                    500,
                    TimeUnit.MILLISECONDS);
            done.get(DEMO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not follow the request", e.getCause());
        } catch (TimeoutException e) {
            System.out.println("the request did not conclude within " + DEMO_TIMEOUT.toSeconds() + " s");
        } finally {
            poller.shutdownNow();
        }
        return last.get();
    }

    private SuiteClient suite() {
        return new SuiteClient(accountService, state());
    }

    private Path state() {
        return stateOption.dir().toAbsolutePath();
    }
}
