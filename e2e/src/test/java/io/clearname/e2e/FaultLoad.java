package io.clearname.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Clearings submitted at a steady rate while faults come and go, by clients that behave as the API asks: each person
 * submits with one {@code Idempotency-Key} and, when the answer does not come (connection refused, timeout, 5xx), tries
 * again with the same key after a pause, until the 202 arrives. So a submission whose answer was lost is not made twice.
 */
final class FaultLoad implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FaultLoad.class.getName());
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final Api api;
    private final List<Person> people;
    private final Duration interval;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(16);
    private final ScheduledExecutorService retrier = Executors.newSingleThreadScheduledExecutor();
    private final Map<Person, UUID> requests = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** @param perSecond submissions started per second */
    FaultLoad(Api api, List<Person> people, double perSecond) {
        this.api = api;
        this.people = people;
        this.interval = Duration.ofNanos((long) (1_000_000_000L / perSecond));
    }

    void start() {
        pacer.scheduleAtFixedRate(this::startOne, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether every person has an answer: a 202 with a request id, or a refusal. */
    boolean allSubmitted() {
        return requests.size() + refused.size() == people.size();
    }

    /** The request id each person got, once submitted. */
    Map<Person, UUID> requests() {
        return Map.copyOf(requests);
    }

    /** Submissions answered with a 4xx: none is expected. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    /** Attempts that got no 202 and were made again. */
    int retries() {
        return retries.get();
    }

    private void startOne() {
        int i = next.getAndIncrement();
        if (i >= people.size()) {
            pacer.shutdown();
            return;
        }
        Person person = people.get(i);
        clients.execute(() -> submitUntilAccepted(person, UUID.randomUUID().toString()));
    }

    /** One attempt; without an answer, the same submission is scheduled again after a pause. */
    private void submitUntilAccepted(Person person, String idempotencyKey) {
        if (closed) {
            return;
        }
        try {
            Api.Response answer = api.submitClearing(person.account(), idempotencyKey);
            if (answer.status() == 202) {
                requests.put(
                        person, UUID.fromString(answer.body().path("requestId").asText()));
                return;
            }
            if (answer.status() < 500) {
                refused.add(person.account() + ": " + answer);
                return;
            }
        } catch (IllegalStateException unanswered) {
            // connection refused or timed out: the service is down or frozen; the same key makes it safe to retry
        }
        retries.incrementAndGet();
        retrier.schedule(
                () -> clients.execute(() -> submitUntilAccepted(person, idempotencyKey)),
                RETRY_PAUSE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        pacer.shutdownNow();
        retrier.shutdownNow();
        clients.shutdownNow();
        LOG.info(() -> "submissions retried by clients: " + retries.get());
    }
}
