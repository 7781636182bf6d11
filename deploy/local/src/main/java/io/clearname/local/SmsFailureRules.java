package io.clearname.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The failures and delays a test asked {@link SmsGatewayStub} for, and the endpoint that asks for them: {@code POST
 * /_control/failures} {@code {"to"?, "status"?, "delayMillis"?, "times"?, "retryAfterSeconds"?}} and {@code DELETE
 * /_control/failures}. A rule for one number takes precedence there over the rule for every number, so that tests
 * sharing a stub do not fail each other's sends.
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

    /** Clears every rule, for every number. */
    synchronized void reset() {
        everyone.failuresLeft = 0;
        everyone.delaysLeft = 0;
        everyone.retryAfterSeconds = -1;
        byRecipient.clear();
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
