package io.clearname.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearname.local.FakePeople;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives clearings through a running suite's public API and follows them through its events, then reports throughput,
 * latency, CPU, memory and correctness ({@link Report}).
 *
 * <p>Phases: accounts are created through the support API and their tokens signed (not measured); a warm-up runs the
 * same load; the measured phase submits its clearings; then the benchmark waits until every clearing is CLEARED with
 * all its notices, or the drain timeout passes.
 *
 * <ul>
 *   <li><b>Saturation</b> (no rate): closed loop. At most {@code workers} submissions are in flight and at most
 *       {@code maxOpen} clearings are open (submitted, not yet CLEARED with every notice), as in the floor benchmark;
 *       without that cap the suite's queues, not its speed, would be measured.
 *   <li><b>Fixed rate</b>: open loop. Submission <i>i</i> is due at start + <i>i</i>/rate whatever the answers so far,
 *       and latencies count from the due time, so a suite that falls behind shows it as latency (no coordinated
 *       omission).
 * </ul>
 */
public final class Bench {

    /**
     * What to run.
     *
     * @param warmupClearings the warm-up's clearings; when negative, the warm-up lasts {@code warmup} instead (in
     *     saturation, accounts for it are created in rounds until it has passed)
     * @param openUntilCleared saturation: a clearing stops counting as open once CLEARED, rather than once every
     *     notice is out, so that the CLEARED rate is measured even if notices lag behind
     */
    public record Plan(
            Double rate,
            int clearings,
            int warmupClearings,
            Duration warmup,
            boolean openUntilCleared,
            int workers,
            int maxOpen,
            Duration drainTimeout,
            int noticesPerClearing,
            Duration recentAuthentication) {

        public boolean saturation() {
            return rate == null;
        }
    }

    /** Where the suite is. {@code mailbox}, {@code sms} and {@code stats} are null for a remote deployment. */
    public record Target(
            URI accountService,
            String kafkaBootstrapServers,
            URI mailbox,
            URI sms,
            TokenSource tokens,
            ProcessStats stats) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMIT_BODY =
            "{\"acknowledgements\":[\"BACKUP_DONE\",\"ENTITLEMENTS_LOST\",\"CONTACT_CORRECT\"]}";
    private static final int SUBMIT_ATTEMPTS = 5;

    private final Plan plan;
    private final Target target;
    private final Progress progress;
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-timer");
        t.setDaemon(true);
        return t;
    });
    private final String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    /** Phone numbers of this run: unique across runs started seconds apart (and texts are counted since the start). */
    private final long phoneBase = (Instant.now().getEpochSecond() % 10_000) * 100_000L;

    private final Map<Integer, AtomicInteger> submitStatuses = new ConcurrentHashMap<>();
    private final AtomicLong submitRetries = new AtomicLong();
    private final Semaphore open;
    private final Semaphore inFlight;

    public Bench(Plan plan, Target target, PrintStream err) {
        this.plan = plan;
        this.target = target;
        this.progress = new Progress(err);
        this.open = new Semaphore(plan.maxOpen() <= 0 ? Integer.MAX_VALUE : plan.maxOpen());
        this.inFlight = new Semaphore(Math.max(1, plan.workers()));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    public Report run() throws InterruptedException {
        Instant startedAt = Instant.now();
        Map<UUID, Clearing> byAccount = new ConcurrentHashMap<>();
        List<Clearing> clearings = new ArrayList<>();
        List<Clearing> measured = createAccounts(plan.clearings(), 0);
        measured.forEach(c -> c.measured = true);

        try (var tracker = new EventTracker(
                target.kafkaBootstrapServers(),
                byAccount,
                plan.noticesPerClearing(),
                c -> released(c, plan.openUntilCleared()),
                c -> released(c, !plan.openUntilCleared()))) {
            tracker.start();
            Map<String, Long> rssBefore =
                    target.stats() == null ? Map.of() : target.stats().rss();

            warmUp(clearings, byAccount);
            measured.forEach(c -> byAccount.put(c.accountId, c));
            clearings.addAll(measured);
            signTokens(measured);

            ProcessStats.Sample before =
                    target.stats() == null ? null : target.stats().sample();
            long windowStart = System.nanoTime();
            long windowEnd = drive("measure", measured, clearings);
            ProcessStats.Sample after =
                    target.stats() == null ? null : target.stats().sample();

            boolean drained = drain(clearings);
            Map<String, Long> rssAfter =
                    target.stats() == null ? Map.of() : target.stats().rss();
            progress.done();

            Counts counts = new Counts(http, target.mailbox(), target.sms(), startedAt, plan.noticesPerClearing() / 2);
            return new Report(
                    plan,
                    clearings,
                    windowStart,
                    windowEnd,
                    before,
                    after,
                    rssBefore,
                    rssAfter,
                    drained,
                    Map.copyOf(submitStatuses),
                    submitRetries.get(),
                    tracker.foreignOrBroken(),
                    counts.mails(clearings),
                    counts.texts(clearings));
        } finally {
            timer.shutdownNow();
        }
    }

    /** The permit of an open clearing goes back when the plan says it no longer counts as open. */
    private void released(Clearing clearing, boolean now) {
        if (now) {
            open.release();
        }
    }

    /**
     * The warm-up: the plan's number of clearings, or as many as fit in its duration (at a fixed rate, rate times
     * duration; in saturation, rounds of accounts created and driven until the time has passed).
     */
    private void warmUp(List<Clearing> all, Map<UUID, Clearing> byAccount) throws InterruptedException {
        if (plan.warmupClearings() >= 0 || !plan.saturation()) {
            int count = plan.warmupClearings() >= 0
                    ? plan.warmupClearings()
                    : (int) Math.ceil(plan.rate() * plan.warmup().toMillis() / 1000.0);
            if (count > 0) {
                List<Clearing> warmup = createAccounts(count, plan.clearings() + all.size());
                signTokens(warmup);
                warmup.forEach(c -> byAccount.put(c.accountId, c));
                all.addAll(warmup);
                drive("warm-up", warmup, all);
            }
            return;
        }
        long end = System.nanoTime() + plan.warmup().toNanos();
        int round = Math.max(100, plan.maxOpen() / 2);
        while (System.nanoTime() < end) {
            List<Clearing> batch = createAccounts(round, plan.clearings() + all.size());
            signTokens(batch);
            batch.forEach(c -> byAccount.put(c.accountId, c));
            all.addAll(batch);
            drive("warm-up", batch, all);
        }
    }

    /**
     * Creates one verified account per clearing through the support API, with a real name verified 30 days ago; their
     * addresses and phone numbers are numbered from {@code firstIndex}, unique within the run.
     */
    private List<Clearing> createAccounts(int count, int firstIndex) throws InterruptedException {
        String support = target.tokens().support();
        Clearing[] created = new Clearing[count];
        AtomicInteger done = new AtomicInteger();
        Semaphore concurrency = new Semaphore(8);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        long phoneBase = this.phoneBase;
        String verifiedAt = Instant.now().minus(Duration.ofDays(30)).toString();
        for (int n = 0; n < count; n++) {
            int index = n;
            int i = firstIndex + n;
            String email = "bench-" + run + "-" + i + "@example.com";
            String phone = "+8617" + String.format("%09d", (phoneBase + i) % 1_000_000_000L);
            String body = JSON.createObjectNode()
                    .put("phone", phone)
                    .put("email", email)
                    .put("locale", i % 2 == 0 ? "zh-CN" : "en")
                    .set(
                            "realName",
                            JSON.createObjectNode()
                                    .put("legalName", FakePeople.legalName())
                                    .put("idNumber", FakePeople.idNumber())
                                    .put("verifiedAt", verifiedAt))
                    .toString();
            concurrency.acquire();
            var request = HttpRequest.newBuilder(target.accountService().resolve("/api/v1/admin/accounts"))
                    .header("Authorization", "Bearer " + support)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> {
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException(
                                    "creating an account answered " + response.statusCode() + ": " + response.body());
                        }
                        UUID id = UUID.fromString(
                                readTree(response.body()).path("id").asText());
                        created[index] = new Clearing(i, id, email, phone);
                        progress.show("accounts", done.incrementAndGet(), count, "");
                    })
                    .whenComplete((ok, failure) -> concurrency.release()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        return List.of(created);
    }

    private void signTokens(List<Clearing> clearings) {
        int done = 0;
        for (Clearing clearing : clearings) {
            clearing.token = target.tokens().user(clearing.accountId);
            clearing.tokenSignedNanos = System.nanoTime();
            progress.show("tokens", ++done, clearings.size(), "");
        }
    }

    /**
     * Submits {@code phase}'s clearings by the plan's load shape.
     *
     * @return when the last submission was started (saturation) or due (fixed rate)
     */
    private long drive(String phase, List<Clearing> phaseClearings, List<Clearing> all) throws InterruptedException {
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
            clearing.token = target.tokens().user(clearing.accountId);
            clearing.tokenSignedNanos = System.nanoTime();
        }
        var request = HttpRequest.newBuilder(target.accountService().resolve("/api/v1/me/real-name/clearing"))
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
    private boolean drain(List<Clearing> clearings) {
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
}
