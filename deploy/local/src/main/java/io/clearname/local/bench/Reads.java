package io.clearname.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The read phase: people following their requests. {@code connections} closed loops each ask
 * {@code GET /api/v1/me/clearing-requests/{id}} for a random clearing of the run, with that person's token, and ask
 * again as soon as the answer is in; first for a warm-up, then for the measured window. Reports reads per second,
 * latency, the answers by status, and CPU per read of each process.
 */
final class Reads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI accountService;
    private final ProcessStats stats;
    private final Progress progress;

    private final Histogram latency = new Histogram(60_000_000L, 3);
    private final Map<Integer, AtomicLong> answers = new TreeMap<>();
    private volatile boolean measuring;
    private volatile long stopAt;

    Reads(HttpClient http, URI accountService, ProcessStats stats, Progress progress) {
        this.http = http;
        this.accountService = accountService;
        this.stats = stats;
        this.progress = progress;
    }

    /** Runs the loops over {@code clearings} (those with a request id) and returns the figures. */
    ObjectNode run(List<Clearing> clearings, int connections, Duration warmup, Duration duration)
            throws InterruptedException {
        List<Clearing> readable =
                clearings.stream().filter(c -> c.requestId != null).toList();
        ObjectNode node = JSON.createObjectNode();
        node.put("connections", connections);
        if (readable.isEmpty()) {
            node.put("error", "no request to read");
            return node;
        }
        stopAt = System.nanoTime() + warmup.plus(duration).toNanos();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[connections];
        for (int i = 0; i < connections; i++) {
            loops[i] = loop(readable);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(loops);
        awaitShowing("read warm-up", warmup, all);
        ProcessStats.Sample before = stats == null ? null : stats.sample();
        long start = System.nanoTime();
        measuring = true;
        awaitShowing("reads", duration, all);
        measuring = false;
        long end = System.nanoTime();
        ProcessStats.Sample after = stats == null ? null : stats.sample();
        all.join();
        progress.done();

        double windowS = (end - start) / 1e9;
        long total;
        synchronized (latency) {
            total = latency.getTotalCount();
            node.put("windowS", Report.round(windowS));
            node.put("perS", Report.round(total / windowS));
            node.set("latencyMs", Report.percentiles(latency));
        }
        ObjectNode statuses = node.putObject("answers");
        synchronized (answers) {
            answers.forEach((code, n) -> statuses.put(code == 0 ? "no answer" : code.toString(), n.get()));
        }
        if (before != null && after != null) {
            ObjectNode perRead = node.putObject("cpuMsPerRead");
            after.cpuNanos().forEach((name, nanos) -> {
                long from = before.cpuNanos().getOrDefault(name, -1L);
                // A split by threads can come out below zero when threads ended in the window: no figure then.
                if (from >= 0 && nanos >= from && total > 0) {
                    perRead.put(name, Math.round((nanos - from) / 1e6 / total * 1000) / 1000.0);
                }
            });
        }
        return node;
    }

    /** Whether every read in the window was answered 200. */
    static boolean ok(ObjectNode reads) {
        var statuses = reads.path("answers");
        return !reads.has("error")
                && statuses.size() == 1
                && statuses.path("200").asLong() > 0;
    }

    /** One closed loop: the next read is sent when the last is answered, until the end of the phase. */
    private CompletableFuture<Void> loop(List<Clearing> readable) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        next(readable, done);
        return done;
    }

    private void next(List<Clearing> readable, CompletableFuture<Void> done) {
        if (System.nanoTime() >= stopAt) {
            done.complete(null);
            return;
        }
        Clearing clearing = readable.get(ThreadLocalRandom.current().nextInt(readable.size()));
        var request = HttpRequest.newBuilder(
                        accountService.resolve("/api/v1/me/clearing-requests/" + clearing.requestId))
                .header("Authorization", "Bearer " + clearing.token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        long sent = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (measuring) {
                record(response == null ? 0 : response.statusCode(), System.nanoTime() - sent);
            }
            next(readable, done);
        });
    }

    private void record(int status, long nanos) {
        synchronized (latency) {
            latency.recordValue(Math.min(latency.getHighestTrackableValue(), Math.max(1, nanos / 1000)));
        }
        synchronized (answers) {
            answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }
    }

    /**
     * Waits out a phase on the loops themselves, showing progress every half second; it ends early only if every loop
     * has ended (they end at {@code stopAt}).
     */
    private void awaitShowing(String phase, Duration length, CompletableFuture<Void> loops)
            throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        long total = Math.max(1, length.toSeconds());
        for (long left = end - System.nanoTime(); left > 0 && !loops.isDone(); left = end - System.nanoTime()) {
            progress.show(phase, (int) (total - left / 1_000_000_000L), (int) total, "");
            try {
                loops.get(Math.min(500_000_000L, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillRunning) {
                // the next progress tick
            } catch (ExecutionException e) {
                throw new IllegalStateException("a reader failed", e.getCause());
            }
        }
    }
}
