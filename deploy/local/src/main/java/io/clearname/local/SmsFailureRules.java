package io.clearname.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The failures, delays and stalls a test asked {@link SmsGatewayStub} for, and the endpoints that ask for them:
 *
 * <ul>
 *   <li>{@code POST /_control/failures} {@code {"to"?, "status"?, "delayMillis"?, "times"?, "retryAfterSeconds"?}}
 *       and {@code DELETE /_control/failures}. A rule for one number takes precedence there over the rule for every
 *       number, so that tests sharing a stub do not fail each other's sends.
 *   <li>{@code POST /_control/stall} {@code {"millis": N, "to"?}} and {@code DELETE /_control/stall}: a frozen
 *       gateway. For the next N ms every POST (to that number, or to any) is read and processed as usual, but its
 *       answer is held until the stall ends; a client that gives up waiting has still sent its text. The DELETE, or
 *       {@code DELETE /_control/failures}, ends every stall at once and releases the answers held.
 * </ul>
 */
final class SmsFailureRules {

    /**
     * What one send is to answer.
     *
     * @param status the failure status, 0 for none
     * @param retryAfterSeconds the {@code Retry-After} of a failure, -1 for none
     * @param delayMillis how long to hold the answer back, 0 for not at all
     */
    record Injection(int status, long retryAfterSeconds, long delayMillis) {}

    /** What the next sends (to one number, or to any) answer. Guarded by the rules' monitor. */
    private static final class Rule {
        int failureStatus;
        int failuresLeft;
        long retryAfterSeconds = -1;
        long delayMillis;
        int delaysLeft;
    }

    /** Failures and delays for every number. */
    private final Rule everyone = new Rule();
    /** Failures and delays for one number each; they take precedence over {@link #everyone}. */
    private final Map<String, Rule> byRecipient = new HashMap<>();

    /** Until when answers to every number are held; null when no stall was asked for. */
    private Instant everyoneStalledUntil;
    /** Until when answers to one number are held. */
    private final Map<String, Instant> stalledUntil = new HashMap<>();

    /**
     * The next {@code times} sends (to {@code to}, or to any number when null) answer {@code status} and record
     * nothing.
     *
     * @param retryAfter the {@code Retry-After} of those answers, or {@code null} for none
     */
    synchronized void fail(String to, int status, int times, Duration retryAfter) {
        fail(rule(to), status, times, retryAfter);
    }

    /** The next {@code times} sends (to {@code to}, or to any number when null) are answered after {@code delay}. */
    synchronized void delay(String to, Duration delay, int times) {
        delay(rule(to), delay, times);
    }

    /**
     * Holds the answer of every POST (to {@code to}, or to any number when null) that is answered in the next {@code
     * duration} until that time; a later stall replaces an earlier one.
     */
    synchronized void stall(String to, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a stall cannot be negative: " + duration);
        }
        Instant until = Instant.now().plus(duration);
        if (to == null) {
            everyoneStalledUntil = until;
        } else {
            stalledUntil.put(number(to), until);
        }
        notifyAll();
    }

    /** Ends every stall now; the answers held go out. */
    synchronized void endStalls() {
        everyoneStalledUntil = null;
        stalledUntil.clear();
        notifyAll();
    }

    /**
     * Returns once no stall holds the answers to {@code to} (null: only a stall for every number applies). The wait
     * is the stall the test asked for: the gateway is "frozen", the request has been read.
     */
    synchronized void awaitStallEnd(String to) throws InterruptedException {
        while (true) {
            Instant until = everyoneStalledUntil;
            Instant own = to == null ? null : stalledUntil.get(to);
            if (own != null && (until == null || own.isAfter(until))) {
                until = own;
            }
            long left =
                    until == null ? 0 : Duration.between(Instant.now(), until).toMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** Clears every rule and ends every stall, for every number. */
    synchronized void reset() {
        everyone.failuresLeft = 0;
        everyone.delaysLeft = 0;
        everyone.retryAfterSeconds = -1;
        byRecipient.clear();
        endStalls();
    }

    /** Takes what a send to {@code to} answers: the number's own rule first, else the rule for every number. */
    synchronized Injection next(String to) {
        Rule own = byRecipient.get(to);
        Rule failing = own != null && own.failuresLeft > 0 ? own : everyone;
        int status = failing.failuresLeft > 0 ? failing.failureStatus : 0;
        long retryAfter = failing.retryAfterSeconds;
        failing.failuresLeft = Math.max(0, failing.failuresLeft - 1);
        Rule delaying = own != null && own.delaysLeft > 0 ? own : everyone;
        long delay = delaying.delaysLeft > 0 ? delaying.delayMillis : 0;
        delaying.delaysLeft = Math.max(0, delaying.delaysLeft - 1);
        return new Injection(status, retryAfter, delay);
    }

    /** {@code /_control/failures}. */
    void handle(HttpExchange exchange) throws IOException {
        if (!SmsGatewayStub.FAILURES.equals(exchange.getRequestURI().getPath())) {
            LoopbackHttpServer.sendProblem(
                    exchange, 404, "Not Found", exchange.getRequestURI().getPath());
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "DELETE" -> {
                reset();
                LoopbackHttpServer.sendEmpty(exchange, 204);
            }
            case "POST" -> ask(exchange);
            default -> LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "POST or DELETE");
        }
    }

    /** {@code /_control/stall}. */
    void handleStall(HttpExchange exchange) throws IOException {
        if (!SmsGatewayStub.STALL.equals(exchange.getRequestURI().getPath())) {
            LoopbackHttpServer.sendProblem(
                    exchange, 404, "Not Found", exchange.getRequestURI().getPath());
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "DELETE" -> {
                endStalls();
                LoopbackHttpServer.sendEmpty(exchange, 204);
            }
            case "POST" -> askStall(exchange);
            default -> LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "POST or DELETE");
        }
    }

    private void askStall(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", "the body is not JSON");
            return;
        }
        if (body == null || !body.path("millis").canConvertToLong()) {
            LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", "give \"millis\", and \"to\" for one number");
            return;
        }
        try {
            stall(Json.text(body, "to"), Duration.ofMillis(body.get("millis").asLong()));
        } catch (IllegalArgumentException e) {
            LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", e.getMessage());
            return;
        }
        LoopbackHttpServer.sendEmpty(exchange, 204);
    }

    private void ask(HttpExchange exchange) throws IOException {
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
        String to = Json.text(body, "to");
        Duration retryAfter = body.hasNonNull("retryAfterSeconds")
                ? Duration.ofSeconds(body.get("retryAfterSeconds").asLong())
                : null;
        try {
            // both at once, so that a send never sees the failure without the delay asked with it
            synchronized (this) {
                Rule rule = rule(to);
                if (body.hasNonNull("status")) {
                    fail(rule, body.get("status").asInt(), times, retryAfter);
                }
                if (body.hasNonNull("delayMillis")) {
                    delay(rule, Duration.ofMillis(body.get("delayMillis").asLong()), times);
                }
            }
        } catch (IllegalArgumentException e) {
            LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", e.getMessage());
            return;
        }
        LoopbackHttpServer.sendEmpty(exchange, 204);
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

    /** The rule of {@code to}, created on first use; {@link #everyone}'s when {@code to} is null. */
    private Rule rule(String to) {
        return to == null ? everyone : byRecipient.computeIfAbsent(number(to), k -> new Rule());
    }

    /** {@code to} stripped; a missing or blank number is refused. */
    static String number(String to) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("\"to\" must be a phone number");
        }
        return to.strip();
    }
}
