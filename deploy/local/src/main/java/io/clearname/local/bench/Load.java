package io.clearname.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load of a run: submissions in the plan's shape (a closed loop capped by in-flight submissions and open clearings,
 * or an open loop at a fixed rate), retried with the same Idempotency-Key after a failure, and the wait for every
 * clearing to complete.
 */
final class Load implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMIT_BODY =
            "{\"acknowledgements\":[\"BACKUP_DONE\",\"ENTITLEMENTS_LOST\",\"CONTACT_CORRECT\"]}";
    private static final int SUBMIT_ATTEMPTS = 5;

    private final Bench.Plan plan;
    private final HttpClient http;
    private final URI accountService;
    private final TokenSource tokens;
    private final Progress progress;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-timer");
        t.setDaemon(true);
        return t;
    });
    private final Map<Integer, AtomicInteger> submitStatuses = new ConcurrentHashMap<>();
    private final AtomicLong submitRetries = new AtomicLong();
    private final Semaphore open;
    private final Semaphore inFlight;

    Load(Bench.Plan plan, HttpClient http, URI accountService, TokenSource tokens, Progress progress) {
        this.plan = plan;
        this.http = http;
        this.accountService = accountService;
        this.tokens = tokens;
        this.progress = progress;
        this.open = new Semaphore(plan.maxOpen() <= 0 ? Integer.MAX_VALUE : plan.maxOpen());
        this.inFlight = new Semaphore(Math.max(1, plan.workers()));
    }

    /** A clearing no longer counts as open. */
    void release() {
        open.release();
    }

    /** How many submissions were answered with each status (0: no answer). */
    Map<Integer, AtomicInteger> statuses() {
        return Map.copyOf(submitStatuses);
    }

    long retries() {
        return submitRetries.get();
    }

    /**
     * Submits {@code phase}'s clearings by the plan's load shape.
     *
     * @return when the last submission was started (saturation) or due (fixed rate)
     */
    long drive(String phase, List<Clearing> phaseClearings, List<Clearing> all) throws InterruptedException {
        var status = timer.scheduleAtFixedRate(
                () -> progress.show(phase, started(phaseClearings), phaseClearings.size(), summary(all)),
                0,
                500,
                TimeUnit.MILLISECONDS);
        try {
            long start = System.nanoTime();
            long last = start;
            for (int i = 0; i < phaseClearings.size(); i++) {
                Clearing clearing = phaseClearings.get(i);
                if (plan.saturation()) {
                    if (!open.tryAcquire(plan.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                        progress.note(phase + " stalled: " + plan.maxOpen() + " clearings open and none completed in "
                                + plan.drainTimeout().toSeconds() + " s; submitting no more");
                        break;
                    }
                    inFlight.acquire();
                    last = System.nanoTime();
                } else {
                    last = start + Math.round(i * 1e9 / plan.rate());
                    for (long wait; (wait = last - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                }
                synchronized (clearing) {
                    clearing.startNanos = last;
                }
                submit(clearing, 1);
            }
            if (plan.saturation()) {
                // The phase ends when its last submission has been answered.
                inFlight.acquire(Math.max(1, plan.workers()));
                inFlight.release(Math.max(1, plan.workers()));
            }
            return last;
        } finally {
            status.cancel(false);
        }
    }

    private void submit(Clearing clearing, int attempt) {
        if (System.nanoTime() - clearing.tokenSignedNanos
                > plan.recentAuthentication().minusSeconds(15).toNanos()) {
            // A long run outlives the sign-in window of tokens signed at set-up.
            clearing.token = tokens.user(clearing.accountId);
            clearing.tokenSignedNanos = System.nanoTime();
        }
        var request = HttpRequest.newBuilder(accountService.resolve("/api/v1/me/real-name/clearing"))
                .header("Authorization", "Bearer " + clearing.token)
                .header("Idempotency-Key", clearing.idempotencyKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(SUBMIT_BODY))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            int code = failure != null ? 0 : response.statusCode();
            submitStatuses.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
            boolean retry = (code == 0 || code >= 500 || code == 429) && attempt < SUBMIT_ATTEMPTS;
            if (retry) {
                // The same Idempotency-Key: a submission that did go through is answered, not made twice.
                submitRetries.incrementAndGet();
                timer.schedule(() -> submit(clearing, attempt + 1), 200L * attempt, TimeUnit.MILLISECONDS);
                return;
            }
            synchronized (clearing) {
                clearing.submittedNanos = System.nanoTime();
                clearing.submitStatus = code;
                if (code == 202) {
                    clearing.requestId = UUID.fromString(
                            readTree(response.body()).path("requestId").asText());
                }
            }
            if (plan.saturation()) {
                inFlight.release();
                if (code != 202) {
                    open.release();
                }
            }
        });
    }

    /** Waits until every accepted clearing is complete, or the drain timeout passes; true if all completed. */
    boolean drain(List<Clearing> clearings) {
        long deadline = System.nanoTime() + plan.drainTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            long pending = clearings.stream()
                    .filter(c -> !c.complete() && c.accepted())
                    .count();
            long unanswered = clearings.stream()
                    .filter(c -> {
                        synchronized (c) {
                            return c.startNanos != 0 && c.submitStatus == 0;
                        }
                    })
                    .count();
            progress.show(
                    "drain", clearings.size() - (int) (pending + unanswered), clearings.size(), summary(clearings));
            if (pending == 0 && unanswered == 0) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        return false;
    }

    private static int started(List<Clearing> clearings) {
        int started = 0;
        for (Clearing c : clearings) {
            synchronized (c) {
                if (c.startNanos != 0) {
                    started++;
                }
            }
        }
        return started;
    }

    private static String summary(List<Clearing> clearings) {
        int cleared = 0, complete = 0;
        for (Clearing c : clearings) {
            synchronized (c) {
                cleared += c.clearedNanos != 0 ? 1 : 0;
                complete += c.completedNanos != 0 ? 1 : 0;
            }
        }
        return "cleared " + cleared + ", all notices " + complete;
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
