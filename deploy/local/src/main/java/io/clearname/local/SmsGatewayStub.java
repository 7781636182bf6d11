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
 *       key seen before answers the first result again and records nothing new.
 *   <li>{@code GET /v1/messages[?to=phone]}: JSON array of {@link SmsMessage}, oldest first.
 *   <li>{@code GET /v1/messages/counts[?since=instant]} and {@code GET|DELETE /_control/concurrency}: what was sent,
 *       counted ({@link SmsTraffic}).
 *   <li>{@code POST /_control/failures} {@code {"status": 503, "times": 2}}: the next two sends answer 503 and record
 *       nothing; {@code {"delayMillis": 3000, "times": 1}}: the next send is recorded, then answered after 3 s (to
 *       provoke a client timeout whose retry must not send twice). Both may be given together; {@code times} defaults
 *       to 1. With {@code "to": "+86..."} the failure or delay applies only to sends to that number (and takes
 *       precedence there over one for every number), so that tests sharing a stub do not fail each other's sends;
 *       {@code "retryAfterSeconds": 2} adds a {@code Retry-After} header to the failure answers. {@code DELETE
 *       /_control/failures} clears them all ({@link SmsFailureRules}).
 * </ul>
 *
 * Errors are {@code application/problem+json}.
 */
public final class SmsGatewayStub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SmsGatewayStub.class.getName());
    private static final String MESSAGES = "/v1/messages";
    static final String FAILURES = "/_control/failures";
    private static final String COUNTS = "/v1/messages/counts";
    private static final String CONCURRENCY = "/_control/concurrency";

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
                .route(CONCURRENCY, traffic::handleConcurrency)
                .route(FAILURES, failures::handle)
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

    /** Clears the failures and delays asked for, for every number; the recorded messages stay. */
    public void reset() {
        failures.reset();
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
        traffic.answering();
        try {
            accept(exchange);
        } finally {
            traffic.answered();
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
        String to = Json.text(body, "to");
        String text = Json.text(body, "text");
        if (to == null || to.isBlank() || text == null || text.isBlank()) {
            LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", "\"to\" and \"text\" are required");
            return;
        }

        SmsFailureRules.Injection injected = failures.next(to.strip());
        if (injected.status() != 0) {
            LOG.fine(() -> "failing a send on purpose with " + injected.status());
            if (injected.retryAfterSeconds() >= 0) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(injected.retryAfterSeconds()));
            }
            LoopbackHttpServer.sendProblem(
                    exchange, injected.status(), "Injected Failure", "failure asked for by the test");
            return;
        }
        boolean[] repeated = {true};
        SmsMessage message = byIdempotencyKey.computeIfAbsent(key.strip(), k -> {
            SmsMessage accepted = new SmsMessage(
                    "sms-" + UUID.randomUUID(), to.strip(), text, Json.text(body, "sender"), k, Instant.now());
            messages.add(accepted);
            repeated[0] = false;
            return accepted;
        });
        traffic.posted(to.strip(), repeated[0]);
        if (injected.delayMillis() > 0) {
            // Recorded first: the message "went out" even if the client gives up waiting for the answer.
            TimeUnit.MILLISECONDS.sleep(injected.delayMillis());
        }
        LoopbackHttpServer.sendJson(exchange, 202, Map.of("messageId", message.messageId(), "status", "ACCEPTED"));
    }
}
