package io.clearname.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@link SmsGatewayStub} was sent, counted, and the endpoints that show it:
 *
 * <ul>
 *   <li>{@code GET /v1/messages/counts[?since=instant]}: {@code {"+86...": {"messages": 1, "posts": 2}, ...}} per
 *       number: the messages accepted, and every accepted POST, a repeated Idempotency-Key included (a client that
 *       repeats a send shows up here even though the gateway absorbed it);
 *   <li>{@code GET /v1/messages/posts[?to=phone]}: those POSTs one by one, oldest first ({@link SmsPost});
 *   <li>{@code GET /_control/concurrency}: {@code {"inFlight": n, "max": m}}, the sends being answered now and the
 *       most at once since the last {@code DELETE /_control/concurrency}: how many a client sends in parallel.
 * </ul>
 */
final class SmsTraffic {

    /** Every accepted POST, repeated keys included, oldest first. */
    private final List<SmsPost> posts = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** A send is being answered; pair with {@link #answered()}. */
    void answering() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    /** A send was answered (or failed). */
    void answered() {
        inFlight.decrementAndGet();
    }

    /** A POST was accepted; {@link SmsPost#repeat()} when its Idempotency-Key was seen before. */
    void posted(SmsPost post) {
        posts.add(post);
    }

    /** The POSTs accepted so far, oldest first. */
    List<SmsPost> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** {@code /v1/messages/posts}. */
    void handlePosts(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "only GET");
            return;
        }
        String to = LoopbackHttpServer.query(exchange).get("to");
        LoopbackHttpServer.sendJson(
                exchange,
                200,
                posts().stream()
                        .filter(p -> to == null || to.strip().equals(p.to()))
                        .toList());
    }

    /** {@code /v1/messages/counts}. */
    void handleCounts(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "only GET");
            return;
        }
        Optional<Instant> asked = LoopbackHttpServer.since(exchange);
        if (asked.isEmpty()) {
            return;
        }
        Instant since = asked.get();
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (SmsPost post : posts()) {
            if (post.receivedAt().isBefore(since)) {
                continue;
            }
            var count = counts.computeIfAbsent(post.to(), k -> new TreeMap<>(Map.of("messages", 0, "posts", 0)));
            count.merge("posts", 1, Integer::sum);
            if (!post.repeat()) {
                count.merge("messages", 1, Integer::sum);
            }
        }
        LoopbackHttpServer.sendJson(exchange, 200, counts);
    }

    /** {@code /_control/concurrency}. */
    void handleConcurrency(HttpExchange exchange) throws IOException {
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
}
