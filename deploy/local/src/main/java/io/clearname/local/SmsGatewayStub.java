package io.clearname.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * A stand-in for an SMS gateway's HTTP API, on 127.0.0.1, with failures on demand.
 *
 * <ul>
 *   <li>{@code POST /v1/messages} {@code {"to", "text", "sender"}} with {@code Authorization: Bearer <any token>}
 *       (401 without) and {@code Idempotency-Key} (400 without): 202 {@code {"messageId", "status": "ACCEPTED"}}. A
 *       key seen before answers the first result again and sends nothing new (the POST itself is still recorded).
 *   <li>{@code GET /v1/messages[?to=phone]}: JSON array of {@link SmsMessage}, one per key, oldest first.
 *   <li>{@code GET /v1/messages/posts[?to=phone]}: JSON array of {@link SmsPost}, every accepted POST, repeated keys
 *       included, oldest first: how often a client sent, as against what went out.
 *   <li>{@code GET /v1/messages/counts[?since=instant]} and {@code GET|DELETE /_control/concurrency}: what was sent,
 *       counted ({@link SmsTraffic}).
 *   <li>{@code POST /_control/failures} {@code {"status": 503, "times": 2}}: the next two sends answer 503 and record
 *       nothing; {@code {"delayMillis": 3000, "times": 1}}: the next send is recorded, then answered after 3 s (to
 *       provoke a client timeout whose retry must not send twice). Both may be given together; {@code times} defaults
 *       to 1. With {@code "to": "+86..."} the failure or delay applies only to sends to that number (and takes
 *       precedence there over one for every number), so that tests sharing a stub do not fail each other's sends;
 *       {@code "retryAfterSeconds": 2} adds a {@code Retry-After} header to the failure answers. {@code DELETE
 *       /_control/failures} clears them all and ends any stall ({@link SmsFailureRules}).
 *   <li>{@code POST /_control/stall} {@code {"millis": 30000}} (optionally {@code "to"}): a frozen gateway for 30 s:
 *       every POST in that time is read and recorded, its answer held until the stall ends. {@code DELETE
 *       /_control/stall} ends it at once.
 * </ul>
 *
 * Errors are {@code application/problem+json}.
 */
public final class SmsGatewayStub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SmsGatewayStub.class.getName());
    private static final String MESSAGES = "/v1/messages";
    static final String FAILURES = "/_control/failures";
    private static final String COUNTS = "/v1/messages/counts";
    private static final String POSTS = "/v1/messages/posts";
    private static final String CONCURRENCY = "/_control/concurrency";
    static final String STALL = "/_control/stall";

    private final List<SmsMessage> messages = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SmsMessage> byIdempotencyKey = new ConcurrentHashMap<>();
    private final SmsFailureRules failures = new SmsFailureRules();
    private final SmsTraffic traffic = new SmsTraffic();

    private final LoopbackHttpServer http;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SmsGatewayStub(int port) {
        http = new LoopbackHttpServer("sms-gateway", port)
                .route(MESSAGES, this::handleMessages)
                .route(COUNTS, traffic::handleCounts)
                .route(POSTS, traffic::handlePosts)
                .route(CONCURRENCY, traffic::handleConcurrency)
                .route(FAILURES, failures::handle)
                .route(STALL, failures::handleStall)
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
    public void failNext(int status, int times) {
        failures.fail(null, status, times, null);
    }

    /**
     * The next {@code times} sends to {@code to} answer {@code status} and record nothing; sends to other numbers are
     * not affected.
     *
     * @param retryAfter the {@code Retry-After} of those answers, or {@code null} for none
     */
    public void failNextTo(String to, int status, int times, Duration retryAfter) {
        failures.fail(SmsFailureRules.number(to), status, times, retryAfter);
    }

    /** The next {@code times} sends are recorded, then answered only after {@code delay}. */
    public void delayNext(Duration delay, int times) {
        failures.delay(null, delay, times);
    }

    /** The next {@code times} sends to {@code to} are recorded, then answered only after {@code delay}. */
    public void delayNextTo(String to, Duration delay, int times) {
        failures.delay(SmsFailureRules.number(to), delay, times);
    }

    /**
     * A frozen gateway: every POST answered in the next {@code duration} is read and recorded at once, and answered
     * only when the stall ends.
     */
    public void stall(Duration duration) {
        failures.stall(null, duration);
    }

    /** As {@link #stall(Duration)}, for POSTs to {@code to} only. */
    public void stallTo(String to, Duration duration) {
        failures.stall(to, duration);
    }

    /** Ends every stall now; the answers held go out. */
    public void endStall() {
        failures.endStalls();
    }

    /** Clears the failures and delays asked for and ends any stall, for every number; the recorded messages stay. */
    public void reset() {
        failures.reset();
    }

    /** The messages accepted so far, one per Idempotency-Key, oldest first. */
    public List<SmsMessage> received() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Every POST accepted so far, repeated Idempotency-Keys included, oldest first. */
    public List<SmsPost> posts() {
        return traffic.posts();
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

    /** How a POST is answered once any delay or stall is over; {@code to} is null when the body had none. */
    private record Reply(String to, long delayMillis, Answer answer) {}

    @FunctionalInterface
    private interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    private void send(HttpExchange exchange) throws IOException, InterruptedException {
        traffic.answering();
        try {
            Reply reply = accept(exchange);
            if (reply.delayMillis() > 0) {
                // Recorded first: the message "went out" even if the client gives up waiting for the answer.
                TimeUnit.MILLISECONDS.sleep(reply.delayMillis());
            }
            failures.awaitStallEnd(reply.to());
            reply.answer().send(exchange);
        } finally {
            traffic.answered();
        }
    }

    private Reply accept(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null
                || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || authorization.substring("bearer ".length()).isBlank()) {
            return new Reply(null, 0, e -> {
                e.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                LoopbackHttpServer.sendProblem(e, 401, "Unauthorized", "a bearer token is required");
            });
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return problem(null, 400, "Bad Request", "the Idempotency-Key header is required");
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            return problem(null, 400, "Bad Request", "the body is not JSON");
        }
        String to = Json.text(body, "to");
        String text = Json.text(body, "text");
        if (to == null || to.isBlank() || text == null || text.isBlank()) {
            return problem(
                    to == null || to.isBlank() ? null : to.strip(),
                    400,
                    "Bad Request",
                    "\"to\" and \"text\" are required");
        }
        String number = to.strip();

        SmsFailureRules.Injection injected = failures.next(number);
        if (injected.status() != 0) {
            LOG.fine(() -> "failing a send on purpose with " + injected.status());
            // A failure is answered at once: a delay asked for with it applies to the sends that get through.
            return new Reply(number, 0, e -> {
                if (injected.retryAfterSeconds() >= 0) {
                    e.getResponseHeaders().set("Retry-After", Long.toString(injected.retryAfterSeconds()));
                }
                LoopbackHttpServer.sendProblem(
                        e, injected.status(), "Injected Failure", "failure asked for by the test");
            });
        }
        SmsMessage message;
        // One lock for the message and its POST, so that the POSTs list a key's first send before its repeats.
        synchronized (messages) {
            Instant receivedAt = Instant.now();
            boolean[] repeated = {true};
            message = byIdempotencyKey.computeIfAbsent(key.strip(), k -> {
                SmsMessage accepted = new SmsMessage(
                        "sms-" + UUID.randomUUID(), number, text, Json.text(body, "sender"), k, receivedAt);
                messages.add(accepted);
                repeated[0] = false;
                return accepted;
            });
            traffic.posted(new SmsPost(number, key.strip(), message.messageId(), receivedAt, repeated[0]));
        }
        return new Reply(
                number,
                injected.delayMillis(),
                e -> LoopbackHttpServer.sendJson(
                        e, 202, Map.of("messageId", message.messageId(), "status", "ACCEPTED")));
    }

    private static Reply problem(String to, int status, String title, String detail) {
        return new Reply(to, 0, e -> LoopbackHttpServer.sendProblem(e, status, title, detail));
    }
}
