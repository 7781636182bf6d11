package io.clearname.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A stand-in for an SMS gateway's HTTP API, on 127.0.0.1, with failures on demand.
 *
 * <ul>
 *   <li>{@code POST /v1/messages} {@code {"to", "text", "sender"}} with {@code Authorization: Bearer <any token>}
 *       (401 without) and {@code Idempotency-Key} (400 without): 202 {@code {"messageId", "status": "ACCEPTED"}}. A
 *       key seen before answers the first result again and records nothing new.
 *   <li>{@code GET /v1/messages[?to=phone]}: JSON array of {@link SmsMessage}, oldest first.
 *   <li>{@code GET /v1/messages/counts[?since=instant]}: {@code {"+86...": {"messages": 1, "posts": 2}, ...}} per
 *       number: the messages accepted, and every accepted POST, a repeated Idempotency-Key included (a client that
 *       repeats a send shows up here even though the gateway absorbed it).
 *   <li>{@code GET /_control/concurrency}: {@code {"inFlight": n, "max": m}}, the sends being answered now and the
 *       most at once since the last {@code DELETE /_control/concurrency}: how many a client sends in parallel.
 *   <li>{@code POST /_control/failures} {@code {"status": 503, "times": 2}}: the next two sends answer 503 and record
 *       nothing; {@code {"delayMillis": 3000, "times": 1}}: the next send is recorded, then answered after 3 s (to
 *       provoke a client timeout whose retry must not send twice). Both may be given together; {@code times} defaults
 *       to 1. With {@code "to": "+86..."} the failure or delay applies only to sends to that number (and takes
 *       precedence there over one for every number), so that tests sharing a stub do not fail each other's sends;
 *       {@code "retryAfterSeconds": 2} adds a {@code Retry-After} header to the failure answers. {@code DELETE
 *       /_control/failures} clears them all.
 * </ul>
 *
 * Errors are {@code application/problem+json}.
 */
public final class SmsGatewayStub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SmsGatewayStub.class.getName());
    private static final String MESSAGES = "/v1/messages";
    private static final String FAILURES = "/_control/failures";
    private static final String COUNTS = "/v1/messages/counts";
    private static final String CONCURRENCY = "/_control/concurrency";

    private final List<SmsMessage> messages = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SmsMessage> byIdempotencyKey = new ConcurrentHashMap<>();
    /** Every accepted POST, repeated keys included. */
    private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private record Post(String to, Instant at, boolean repeated) {}

    private final LoopbackHttpServer http;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Failures and delays for every number. */
    private final Rule everyone = new Rule();
    /** Failures and delays for one number each; they take precedence over {@link #everyone}. */
    private final Map<String, Rule> byRecipient = new ConcurrentHashMap<>();

    /** What the next sends (to one number, or to any) answer. Guarded by the stub's monitor. */
    private static final class Rule {
        int failureStatus;
        int failuresLeft;
        long retryAfterSeconds = -1;
        long delayMillis;
        int delaysLeft;
    }

    private SmsGatewayStub(int port) {
        http = new LoopbackHttpServer("sms-gateway", port)
                .route(MESSAGES, this::handleMessages)
                .route(COUNTS, this::handleCounts)
                .route(CONCURRENCY, this::handleConcurrency)
                .route(FAILURES, this::handleFailures)
                .start();
    }

    /**
     * Starts the stub.
     *
     * @param port the port on 127.0.0.1, 0 for a free one
     */
    public static SmsGatewayStub start(int port) {
        return new SmsGatewayStub(port);
    }

    /** {@code http://127.0.0.1:<port>}, without the {@code /v1} path. */
    public String baseUrl() {
        return http.baseUrl();
    }

    /** The next {@code times} sends answer {@code status} (e.g. 503, 429, 500) and record nothing. */
    public synchronized void failNext(int status, int times) {
        fail(everyone, status, times, null);
    }

    /**
     * The next {@code times} sends to {@code to} answer {@code status} and record nothing; sends to other numbers are
     * not affected.
     *
     * @param retryAfter the {@code Retry-After} of those answers, or {@code null} for none
     */
    public synchronized void failNextTo(String to, int status, int times, Duration retryAfter) {
        fail(recipient(to), status, times, retryAfter);
    }

    /** The next {@code times} sends are recorded, then answered only after {@code delay}. */
    public synchronized void delayNext(Duration delay, int times) {
        delay(everyone, delay, times);
    }

    /** The next {@code times} sends to {@code to} are recorded, then answered only after {@code delay}. */
    public synchronized void delayNextTo(String to, Duration delay, int times) {
        delay(recipient(to), delay, times);
    }

    /** Clears the failures and delays asked for, for every number; the recorded messages stay. */
    public synchronized void reset() {
        everyone.failuresLeft = 0;
        everyone.delaysLeft = 0;
        everyone.retryAfterSeconds = -1;
        byRecipient.clear();
    }

    private static void fail(Rule rule, int status, int times, Duration retryAfter) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        rule.failureStatus = status;
        rule.failuresLeft = Math.max(0, times);
        rule.retryAfterSeconds = retryAfter == null ? -1 : Math.max(0, retryAfter.toSeconds());
    }

    private static void delay(Rule rule, Duration delay, int times) {
        rule.delayMillis = Math.max(0, delay.toMillis());
        rule.delaysLeft = Math.max(0, times);
    }

    private Rule recipient(String to) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("\"to\" must be a phone number");
        }
        return byRecipient.computeIfAbsent(to.strip(), k -> new Rule());
    }

    /** The messages accepted so far, oldest first. */
    public List<SmsMessage> received() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Stops the HTTP server. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.stop();
        }
    }

    private void handleMessages(HttpExchange exchange) throws IOException, InterruptedException {
        if (!MESSAGES.equals(exchange.getRequestURI().getPath())) {
            LoopbackHttpServer.sendProblem(
                    exchange, 404, "Not Found", exchange.getRequestURI().getPath());
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                String to = LoopbackHttpServer.query(exchange).get("to");
                LoopbackHttpServer.sendJson(
                        exchange,
                        200,
                        received().stream()
                                .filter(m -> to == null || to.strip().equals(m.to()))
                                .toList());
            }
            case "POST" -> send(exchange);
            default -> LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "GET or POST");
        }
    }

    private void send(HttpExchange exchange) throws IOException, InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            accept(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void handleConcurrency(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" ->
                LoopbackHttpServer.sendJson(
                        exchange, 200, Map.of("inFlight", inFlight.get(), "max", maxInFlight.get()));
            case "DELETE" -> {
                maxInFlight.set(inFlight.get());
                LoopbackHttpServer.sendEmpty(exchange, 204);
            }
            default -> LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "GET or DELETE");
        }
    }

    private void accept(HttpExchange exchange) throws IOException, InterruptedException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null
                || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || authorization.substring("bearer ".length()).isBlank()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            LoopbackHttpServer.sendProblem(exchange, 401, "Unauthorized", "a bearer token is required");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", "the Idempotency-Key header is required");
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", "the body is not JSON");
            return;
        }
        String to = text(body, "to");
        String text = text(body, "text");
        if (to == null || to.isBlank() || text == null || text.isBlank()) {
            LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", "\"to\" and \"text\" are required");
            return;
        }

        int status;
        long retryAfter;
        long delay;
        synchronized (this) {
            Rule own = byRecipient.get(to.strip());
            Rule failing = own != null && own.failuresLeft > 0 ? own : everyone;
            status = failing.failuresLeft > 0 ? failing.failureStatus : 0;
            retryAfter = failing.retryAfterSeconds;
            failing.failuresLeft = Math.max(0, failing.failuresLeft - 1);
            Rule delaying = own != null && own.delaysLeft > 0 ? own : everyone;
            delay = delaying.delaysLeft > 0 ? delaying.delayMillis : 0;
            delaying.delaysLeft = Math.max(0, delaying.delaysLeft - 1);
        }
        if (status != 0) {
            LOG.fine(() -> "failing a send on purpose with " + status);
            if (retryAfter >= 0) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
            }
            LoopbackHttpServer.sendProblem(exchange, status, "Injected Failure", "failure asked for by the test");
            return;
        }
        boolean[] repeated = {true};
        SmsMessage message = byIdempotencyKey.computeIfAbsent(key.strip(), k -> {
            SmsMessage accepted = new SmsMessage(
                    "sms-" + UUID.randomUUID(), to.strip(), text, text(body, "sender"), k, Instant.now());
            messages.add(accepted);
            repeated[0] = false;
            return accepted;
        });
        posts.add(new Post(to.strip(), Instant.now(), repeated[0]));
        if (delay > 0) {
            // Recorded first: the message "went out" even if the client gives up waiting for the answer.
            TimeUnit.MILLISECONDS.sleep(delay);
        }
        LoopbackHttpServer.sendJson(exchange, 202, Map.of("messageId", message.messageId(), "status", "ACCEPTED"));
    }

    private void handleCounts(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "only GET");
            return;
        }
        Instant since;
        try {
            String value = LoopbackHttpServer.query(exchange).get("since");
            since = value == null ? Instant.EPOCH : Instant.parse(value);
        } catch (DateTimeParseException e) {
            LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", "since must be an ISO-8601 instant");
            return;
        }
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        List<Post> all;
        synchronized (posts) {
            all = List.copyOf(posts);
        }
        for (Post post : all) {
            if (post.at().isBefore(since)) {
                continue;
            }
            var count = counts.computeIfAbsent(post.to(), k -> new TreeMap<>(Map.of("messages", 0, "posts", 0)));
            count.merge("posts", 1, Integer::sum);
            if (!post.repeated()) {
                count.merge("messages", 1, Integer::sum);
            }
        }
        LoopbackHttpServer.sendJson(exchange, 200, counts);
    }

    private void handleFailures(HttpExchange exchange) throws IOException {
        if (!FAILURES.equals(exchange.getRequestURI().getPath())) {
            LoopbackHttpServer.sendProblem(
                    exchange, 404, "Not Found", exchange.getRequestURI().getPath());
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "DELETE" -> {
                reset();
                LoopbackHttpServer.sendEmpty(exchange, 204);
            }
            case "POST" -> {
                JsonNode body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = Json.MAPPER.readTree(in);
                } catch (IOException e) {
                    LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", "the body is not JSON");
                    return;
                }
                if (body == null || (!body.hasNonNull("status") && !body.hasNonNull("delayMillis"))) {
                    LoopbackHttpServer.sendProblem(
                            exchange, 400, "Bad Request", "give \"status\" and/or \"delayMillis\", and \"times\"");
                    return;
                }
                int times = body.path("times").asInt(1);
                String to = text(body, "to");
                Duration retryAfter = body.hasNonNull("retryAfterSeconds")
                        ? Duration.ofSeconds(body.get("retryAfterSeconds").asLong())
                        : null;
                try {
                    synchronized (this) {
                        Rule rule = to == null ? everyone : recipient(to);
                        if (body.hasNonNull("status")) {
                            fail(rule, body.get("status").asInt(), times, retryAfter);
                        }
                        if (body.hasNonNull("delayMillis")) {
                            delay(
                                    rule,
                                    Duration.ofMillis(body.get("delayMillis").asLong()),
                                    times);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", e.getMessage());
                    return;
                }
                LoopbackHttpServer.sendEmpty(exchange, 204);
            }
            default -> LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "POST or DELETE");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
