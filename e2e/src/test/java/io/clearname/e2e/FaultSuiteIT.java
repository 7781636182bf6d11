package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.events.Topics;
import io.clearname.local.ReceivedMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Clearings pass through the suite while everything it depends on fails in turn: each service is SIGKILLed and
 * restarted, the broker and the database are frozen and restarted, the SMTP server and the SMS gateway stall and
 * refuse, poison records arrive on every topic, and a consumer meets a fault no retry can ride out (its database role
 * loses a grant) until support fixes it and re-drives the dead letters. Then: every request concluded exactly once,
 * every person told exactly once per notice by mail and by text, the dead-letter topics hold exactly the poison (and
 * the records of the fault that was fixed, re-driven), and no request is left open.
 *
 * <p>Size: {@code -Dfaults.clearings} (default 1,000) and {@code -Dfaults.kills} (SIGKILLs of each service, default
 * 3). docs/reliability.md records a larger run.
 */
@WithSuite
class FaultSuiteIT {
    private static final Logger LOG = Logger.getLogger(FaultSuiteIT.class.getName());

    private static final int CLEARINGS = Integer.getInteger("faults.clearings", 1000);
    private static final int KILLS = Integer.getInteger("faults.kills", 3);
    private static final Duration STALL = Duration.ofSeconds(Integer.getInteger("faults.stall-seconds", 15));
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(10);

    @Test
    void everyClearingConcludesOnceAndEveryPersonIsToldOnceWhateverFails(Suite suite) throws Exception {
        Api api = suite.api();
        List<Person> people = createPeople(api);
        Map<String, List<String>> poison = Poison.send(suite.bootstrapServers());
        var bug = new ConsumerBug(suite.databases().get(Service.NOTIFICATION.database()), "notification_job");
        Map<String, Instant> faults = new LinkedHashMap<>();

        // Spread the submissions over the time the faults take, so every fault meets clearings in flight.
        try (var load = new FaultLoad(api, people, Math.max(2.0, CLEARINGS / (60.0 + 50.0 * KILLS)));
                bug) {
            load.start();
            // First, while the load surely runs: the fault no retry rides out, until it has dead-lettered something.
            bug.introduce();
            await("a record of the people's clearings dead-lettered by the revoked grant")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !deadLettersOfPeople(suite, Service.NOTIFICATION, people)
                            .isEmpty());
            bug.fix();
            faults.put("notification_job insert revoked, then granted", Instant.now());
            for (int round = 1; round <= KILLS; round++) {
                for (Service victim : Service.values()) {
                    suite.kill(victim);
                    suite.start(victim);
                    faults.put(victim + " killed (" + round + ")", Instant.now());
                }
                switch (round) {
                    case 1 -> {
                        suite.freezeBroker();
                        hold(STALL, suite::brokerFrozen);
                        suite.thawBroker();
                        faults.put("broker frozen", Instant.now());
                        suite.freezeDatabase();
                        hold(STALL, suite::databaseFrozen);
                        suite.thawDatabase();
                        faults.put("database frozen", Instant.now());
                    }
                    case 2 -> {
                        suite.restartBroker();
                        faults.put("broker restarted", Instant.now());
                        suite.restartDatabase();
                        faults.put("database restarted", Instant.now());
                    }
                    default -> {}
                }
                if (round == 1) {
                    mailAndTextFaults(suite);
                    faults.put("SMTP and SMS stalled and failing", Instant.now());
                }
            }
            await("every clearing submitted")
                    .atMost(RECOVERY_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(load::allSubmitted);
            assertThat(load.refused()).as("submissions refused").isEmpty();
            Map<Person, UUID> requests = load.requests();
            LOG.info(() -> "faults: " + faults.keySet() + "; client retries: " + load.retries());

            awaitAllCleared(api, requests);
            Map<Service, List<JsonNode>> redriven = workTheDeadLetters(suite, people, poison, bug);
            Map<Person, JsonNode> concluded = awaitAllNotified(suite, requests);

            EventLog events = EventLog.read(suite.bootstrapServers(), Topics.all());
            // One read of each server: thousands of people, each looked up in the maps.
            Map<String, List<ReceivedMail>> mails = suite.mailsByAddress();
            Map<String, List<String>> texts = suite.smsPostKeysByPhone();
            SoftAssertions.assertSoftly(softly -> {
                for (Person person : people) {
                    UUID requestId = requests.get(person);
                    ExactlyOnce.assertClearedOnce(softly, events, requestId, concluded.get(person));
                    ExactlyOnce.assertToldOnce(
                            softly,
                            events,
                            person,
                            requestId,
                            ExactlyOnce.mailsOf(mails, person),
                            texts.getOrDefault(person.phone(), List.of()),
                            2);
                }
                assertDeadLettersHoldExactlyThePoison(softly, events, poison, redriven, people);
            });
            LOG.info(() -> "notices handed over again after a kill (same Message-ID or Idempotency-Key): mails "
                    + ExactlyOnce.mailsSentAgain(mails, people) + ", texts "
                    + texts.values().stream()
                            .mapToLong(keys ->
                                    keys.size() - keys.stream().distinct().count())
                            .sum());
        }
    }

    /**
     * The people, made in parallel: a verified real name 30 days old, so the automatic audit approves. Phone numbers
     * are random, and among thousands two may be the same; such a person is left out, so that every text counted for
     * a phone is one person's.
     */
    private static List<Person> createPeople(Api api) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Map<String, Person> byPhone = new LinkedHashMap<>();
            while (byPhone.size() < CLEARINGS) {
                List<Future<Person>> made = new ArrayList<>();
                for (int i = byPhone.size(); i < CLEARINGS; i++) {
                    made.add(pool.submit(() -> Person.verified(api, "faults")));
                }
                for (Future<Person> person : made) {
                    Person one = person.get();
                    byPhone.putIfAbsent(one.phone(), one);
                }
            }
            return new ArrayList<>(byPhone.values());
        } finally {
            pool.shutdownNow();
        }
    }

    /** SMTP and the SMS gateway stall (longer than a send's patience would be without a hold), then refuse a while. */
    private static void mailAndTextFaults(Suite suite) {
        suite.smtp().freeze();
        suite.sms().stall(STALL);
        hold(STALL, suite.smtp()::isFrozen);
        suite.smtp().thaw();
        suite.smtp().failNext(421, 20);
        suite.sms().failNext(503, 20);
    }

    private static void awaitAllCleared(Api api, Map<Person, UUID> requests) {
        Set<Person> done = ConcurrentHashMap.newKeySet();
        await("all " + requests.size() + " requests CLEARED")
                .atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    List<String> pending = new ArrayList<>();
                    requests.forEach((person, requestId) -> {
                        if (done.contains(person)) {
                            return;
                        }
                        String status = Timeline.status(api.clearingRequest(person.account(), requestId));
                        if ("CLEARED".equals(status)) {
                            done.add(person);
                        } else {
                            pending.add(requestId + " " + status);
                        }
                    });
                    assertThat(pending).as("requests not yet CLEARED").isEmpty();
                });
    }

    private static Map<Person, JsonNode> awaitAllNotified(Suite suite, Map<Person, UUID> requests) {
        Api api = suite.api();
        Set<UUID> settled = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Map<Person, JsonNode> latest = new ConcurrentHashMap<>();
        await("all " + requests.size() + " requests notified on both channels")
                .atMost(RECOVERY_TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    List<String> pending = new ArrayList<>();
                    requests.forEach((person, requestId) -> {
                        if (settled.contains(requestId)) {
                            return;
                        }
                        JsonNode request = api.clearingRequest(person.account(), requestId);
                        latest.put(person, request);
                        if (Clearings.settled(suite, requestId, request)) {
                            settled.add(requestId);
                        } else {
                            pending.add(requestId + " " + Timeline.notifiedChannels(request));
                        }
                    });
                    assertThat(pending).as("requests not yet notified").isEmpty();
                });
        return latest;
    }

    /**
     * Support's part: every open dead letter is either poison, discarded with a reason, or a record of the people's
     * clearings that the revoked grant failed, re-driven now that it is fixed. Anything else is a valid event
     * dead-lettered by a fault that should have been ridden out.
     *
     * @return the re-driven dead letters by service
     */
    private static Map<Service, List<JsonNode>> workTheDeadLetters(
            Suite suite, List<Person> people, Map<String, List<String>> poison, ConsumerBug bug) {
        Set<String> poisonKeys = new HashSet<>();
        poison.values().forEach(poisonKeys::addAll);
        Set<String> accounts = new HashSet<>();
        people.forEach(p -> accounts.add(p.account().toString()));
        int expectedPoison = poison.entrySet().stream()
                .mapToInt(e ->
                        e.getValue().size() * Poison.CONSUMERS.get(e.getKey()).size())
                .sum();
        await("every poison record dead-lettered by every consumer of its topic")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> deadLettersWithKeys(suite, poisonKeys) == expectedPoison);

        Map<Service, List<JsonNode>> redriven = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (Service service : Service.values()) {
            var desk = new DeadLetterDesk(suite, service);
            for (JsonNode letter : desk.list("OPEN")) {
                String key = letter.path("accountId").asText();
                String id = letter.path("id").asText();
                if (poisonKeys.contains(key)) {
                    assertThat(desk.discard(id, "poison record of the fault suite")
                                    .path("state")
                                    .asText())
                            .isEqualTo("DISCARDED");
                } else if (accounts.contains(key)
                        && bug.mayHaveCaused(
                                Instant.parse(letter.path("deadLetteredAt").asText()))) {
                    redriven.computeIfAbsent(service, s -> new ArrayList<>()).add(desk.redrive(id));
                } else {
                    unexpected.add(service + ": " + letter);
                }
            }
        }
        assertThat(unexpected)
                .as("valid events dead-lettered by faults that pass")
                .isEmpty();
        LOG.info(() -> "re-driven after the fix: "
                + redriven.values().stream().mapToInt(List::size).sum());
        return redriven;
    }

    private static List<JsonNode> deadLettersOfPeople(Suite suite, Service service, List<Person> people) {
        Set<String> accounts = new HashSet<>();
        people.forEach(p -> accounts.add(p.account().toString()));
        return new DeadLetterDesk(suite, service)
                .list("OPEN").stream()
                        .filter(l -> accounts.contains(l.path("accountId").asText()))
                        .toList();
    }

    private static long deadLettersWithKeys(Suite suite, Set<String> keys) {
        long count = 0;
        for (Service service : Service.values()) {
            count += new DeadLetterDesk(suite, service)
                    .list("OPEN").stream()
                            .filter(l -> keys.contains(l.path("accountId").asText()))
                            .count();
        }
        return count;
    }

    /** Each poison record on the dead-letter topic of each consumer of its topic; of the people's, only re-driven ones. */
    private static void assertDeadLettersHoldExactlyThePoison(
            SoftAssertions softly,
            EventLog events,
            Map<String, List<String>> poison,
            Map<Service, List<JsonNode>> redriven,
            List<Person> people) {
        // By the source record's position: a record dead-lettered again after a crash is a second copy of one letter.
        Set<String> redrivenSources = new HashSet<>();
        redriven.values()
                .forEach(list -> list.forEach(l -> redrivenSources.add(l.path("sourceTopic")
                                .asText() + "-" + l.path("sourcePartition").asInt() + "@"
                        + l.path("sourceOffset").asLong())));
        Set<String> accounts = new HashSet<>();
        people.forEach(p -> accounts.add(p.account().toString()));
        poison.forEach((topic, keys) -> {
            for (Service consumer : Poison.CONSUMERS.get(topic)) {
                String deadLetterTopic = Topics.deadLetter(topic, consumer.artifactId());
                Set<String> poisonThere = new HashSet<>();
                events.records(deadLetterTopic).stream()
                        .map(r -> r.key())
                        .filter(keys::contains)
                        .forEach(poisonThere::add);
                softly.assertThat(poisonThere)
                        .as("poison records on %s", deadLetterTopic)
                        .containsExactlyInAnyOrderElementsOf(keys);
            }
        });
        for (String deadLetterTopic : Topics.DEAD_LETTER_TOPICS) {
            softly.assertThat(events.records(deadLetterTopic).stream()
                            .filter(r -> accounts.contains(r.key()))
                            .map(r -> EventLog.header(r, "dead-letter-topic").orElse("?") + "-"
                                    + EventLog.header(r, "dead-letter-partition")
                                            .orElse("?") + "@"
                                    + EventLog.header(r, "dead-letter-offset").orElse("?"))
                            .toList())
                    .as(
                            "records of the people's clearings on %s: only those of the fixed fault, re-driven",
                            deadLetterTopic)
                    .allMatch(redrivenSources::contains);
        }
    }

    /** Keeps a fault in place for {@code duration}, checking all along that it still is. */
    private static void hold(Duration duration, java.util.concurrent.Callable<Boolean> inPlace) {
        await("the fault held for " + duration)
                .during(duration)
                .atMost(duration.plusSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(inPlace);
    }
}
