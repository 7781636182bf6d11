package io.clearname.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Talks to a running suite through its public API, as a client would. {@code seed} creates the demo accounts that
 * {@code ./clearname up} lists; {@code demo} walks a new account through a whole clearing and prints its timeline.
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

    private static final ObjectMapper JSON = new ObjectMapper();
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

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) {
        Cli.main(new DemoCli(), args);
    }

    @Command(
            name = "seed",
            description = "Creates a verified and an unverified demo account, once, and lists them in "
                    + "STATE/demo-accounts.txt.")
    int seed() throws IOException, InterruptedException {
        Path list = state().resolve("demo-accounts.txt");
        if (Files.exists(list)) {
            String first = Files.readAllLines(list).stream()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .findFirst()
                    .orElse("");
            String id = first.split("\\s+")[0];
            if (!id.isBlank()
                    && call("GET", "/api/v1/admin/accounts/" + id, supportToken(), null, null)
                                    .statusCode()
                            == 200) {
                System.out.println("[clearname] demo accounts already exist: " + list);
                return 0;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# account id                          real name    phone           email");
        UUID verified = createVerifiedAccount("+8613800000001", "demo.verified@example.com", "zh-CN");
        lines.add(verified + "  VERIFIED     +8613800000001  demo.verified@example.com");
        UUID unverified = createAccount("+8613800000002", "demo.unverified@example.com", "en");
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
        String email = FakePeople.email("demo");
        UUID account = createVerifiedAccount(FakePeople.phone(), email, "en");
        System.out.println("account " + account + " brought over with a real name verified 30 days ago (" + email
                + "; the API only ever shows the name masked)");
        var submitted = call(
                "POST",
                "/api/v1/me/real-name/clearing",
                userToken(account),
                Map.of("acknowledgements", List.of("BACKUP_DONE", "ENTITLEMENTS_LOST", "CONTACT_CORRECT")),
                UUID.randomUUID().toString());
        expect(submitted, 202, "submit the clearing");
        String requestId = JSON.readTree(submitted.body()).path("requestId").asText();
        System.out.println("clearing " + requestId + " submitted; following it...");

        JsonNode request = follow(account, requestId);
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
        printMail(email);
        return concluded(request) ? 0 : 1;
    }

    private static boolean concluded(JsonNode request) {
        boolean terminal = Set.of("CLEARED", "REJECTED", "WITHDRAWN")
                .contains(request.path("status").asText());
        int notices = 0;
        for (JsonNode entry : request.path("timeline")) {
            notices += "USER_NOTIFIED".equals(entry.path("type").asText()) ? 1 : 0;
        }
        // The receipt and the outcome, each by SMS and by email.
        return terminal && notices >= 4;
    }

    private void printMail(String email) throws IOException, InterruptedException {
        String mailbox = stackEnv().get("MAILBOX_URL");
        if (mailbox == null) {
            return;
        }
        var response = http.send(
                HttpRequest.newBuilder(URI.create(
                                mailbox + "/messages?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("mail received by " + email + ":");
        for (JsonNode mail : JSON.readTree(response.body())) {
            System.out.println("  subject: " + mail.path("subject").asText());
        }
    }

    private UUID createAccount(String phone, String email, String locale) throws IOException, InterruptedException {
        var response = call(
                "POST",
                "/api/v1/admin/accounts",
                supportToken(),
                Map.of("phone", phone, "email", email, "locale", locale),
                null);
        expect(response, 201, "create an account");
        return UUID.fromString(JSON.readTree(response.body()).path("id").asText());
    }

    /**
     * An account as support brings it over from an identity platform, with a real name verified 30 days ago: a name
     * verified just now would, rightly, send the clearing to manual review (verification's RECENT_VERIFICATION rule).
     */
    private UUID createVerifiedAccount(String phone, String email, String locale)
            throws IOException, InterruptedException {
        var realName = Map.of(
                "legalName",
                "演示用户",
                "idNumber",
                FakePeople.idNumber(),
                "verifiedAt",
                Instant.now().minus(Duration.ofDays(30)).toString());
        var response = call(
                "POST",
                "/api/v1/admin/accounts",
                supportToken(),
                Map.of("phone", phone, "email", email, "locale", locale, "realName", realName),
                null);
        expect(response, 201, "create an account with a verified real name");
        return UUID.fromString(JSON.readTree(response.body()).path("id").asText());
    }

    private HttpResponse<String> call(String method, String path, String token, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(accountService.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    "could not " + what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private String supportToken() {
        return Tokens.sign(
                keys().privateKey(),
                issuer(),
                "demo-support",
                Set.of("support"),
                Instant.now(),
                Duration.ofMinutes(10));
    }

    private String userToken(UUID account) {
        return Tokens.sign(
                keys().privateKey(),
                issuer(),
                account.toString(),
                Set.of("user"),
                Instant.now(),
                Duration.ofMinutes(10));
    }

    private DevKeys keys() {
        return DevKeys.ensure(state().resolve("keys"));
    }

    private String issuer() {
        return stackEnv().getOrDefault("JWT_ISSUER", Tokens.DEV_ISSUER);
    }

    private Map<String, String> stackEnv() {
        return StackEnv.read(state());
    }

    /**
     * Reads the request every half second until it has concluded and its notice is on the timeline, or the demo's
     * time is up; returns the last view either way.
     */
    private JsonNode follow(UUID account, String requestId) throws InterruptedException {
        var last = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        var done = new java.util.concurrent.CompletableFuture<Void>();
        var poller = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            poller.scheduleWithFixedDelay(
                    () -> {
                        try {
                            var response = call(
                                    "GET", "/api/v1/me/clearing-requests/" + requestId, userToken(account), null, null);
                            expect(response, 200, "read the clearing request");
                            last.set(JSON.readTree(response.body()));
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
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            done.get(DEMO_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not follow the request", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println("the request did not conclude within " + DEMO_TIMEOUT.toSeconds() + " s");
        } finally {
            poller.shutdownNow();
        }
        return last.get();
    }

    private Path state() {
        return stateOption.dir().toAbsolutePath();
    }
}
