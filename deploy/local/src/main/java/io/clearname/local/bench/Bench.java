package io.clearname.local.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Drives clearings through a running suite's public API and follows them through its events, then reports throughput,
 * latency, CPU, memory and correctness ({@link Report}).
 *
 * <p>Phases: accounts are created through the support API and their tokens signed (not measured); a warm-up runs the
 * same load; the measured phase submits its clearings; then the benchmark waits until every clearing is CLEARED with
 * all its notices, or the drain timeout passes. Optionally a read phase follows: people polling their requests
 * ({@link Reads}).
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
     * @param reads how long the read phase measures after the clearings ({@link Reads}); zero for none
     * @param readConnections the read phase's closed loops
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
            Duration recentAuthentication,
            Duration reads,
            int readConnections) {

        /** The read phase warms up for a third of its length, at least 5 s. */
        Duration readWarmup() {
            Duration third = reads.dividedBy(3);
            return third.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : third;
        }

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

    private final Plan plan;
    private final Target target;
    private final Progress progress;
    private final HttpClient http;
    private final People people;
    private final Load load;

    public Bench(Plan plan, Target target, PrintStream err) {
        this.plan = plan;
        this.target = target;
        this.progress = new Progress(err);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
        this.people = new People(http, target.accountService(), target.tokens(), progress);
        this.load = new Load(plan, http, target.accountService(), target.tokens(), progress);
    }

    public Report run() throws InterruptedException {
        Instant startedAt = Instant.now();
        Map<UUID, Clearing> byAccount = new ConcurrentHashMap<>();
        List<Clearing> clearings = new ArrayList<>();
        List<Clearing> measured = people.create(plan.clearings(), 0);
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
            people.signTokens(measured);

            ProcessStats.Sample before =
                    target.stats() == null ? null : target.stats().sample();
            long windowStart = System.nanoTime();
            long windowEnd = load.drive("measure", measured, clearings);
            ProcessStats.Sample after =
                    target.stats() == null ? null : target.stats().sample();

            boolean drained = load.drain(clearings);
            Map<String, Long> rssAfter =
                    target.stats() == null ? Map.of() : target.stats().rss();
            progress.done();

            Counts counts = new Counts(http, target.mailbox(), target.sms(), startedAt, plan.noticesPerClearing() / 2);
            Report report = new Report(
                    plan,
                    clearings,
                    windowStart,
                    windowEnd,
                    before,
                    after,
                    rssBefore,
                    rssAfter,
                    drained,
                    load.statuses(),
                    load.retries(),
                    tracker.foreignOrBroken(),
                    counts.mails(clearings),
                    counts.texts(clearings));
            if (!plan.reads().isZero() && !plan.reads().isNegative()) {
                report.addReads(new Reads(http, target.accountService(), target.stats(), progress)
                        .run(measured, plan.readConnections(), plan.readWarmup(), plan.reads()));
            }
            return report;
        } finally {
            load.close();
        }
    }

    /** The permit of an open clearing goes back when the plan says it no longer counts as open. */
    private void released(Clearing clearing, boolean now) {
        if (now) {
            load.release();
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
                List<Clearing> warmup = people.create(count, plan.clearings() + all.size());
                people.signTokens(warmup);
                warmup.forEach(c -> byAccount.put(c.accountId, c));
                all.addAll(warmup);
                load.drive("warm-up", warmup, all);
            }
            return;
        }
        long end = System.nanoTime() + plan.warmup().toNanos();
        int round = Math.max(100, plan.maxOpen() / 2);
        while (System.nanoTime() < end) {
            List<Clearing> batch = people.create(round, plan.clearings() + all.size());
            people.signTokens(batch);
            batch.forEach(c -> byAccount.put(c.accountId, c));
            all.addAll(batch);
            load.drive("warm-up", batch, all);
        }
    }
}
