package io.clearname.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearname.local.testing.SmsOutbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmsGatewayStubTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static SmsGatewayStub stub;

    @BeforeAll
    static void startStub() {
        stub = SmsGatewayStub.start(0);
    }

    @AfterAll
    static void stopStub() {
        if (stub != null) {
            stub.close();
        }
    }

    @AfterEach
    void clearFailures() {
        stub.reset();
    }

    @Test
    void acceptsAMessageAndListsIt() throws Exception {
        String phone = phone();
        HttpResponse<String> response =
                send(phone, "Your code is 123456", "token", UUID.randomUUID().toString());

        assertEquals(202, response.statusCode());
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals("ACCEPTED", body.get("status").asText());
        List<SmsMessage> sent = SmsOutbox.messagesTo(stub.baseUrl(), phone);
        assertEquals(1, sent.size());
        assertEquals(body.get("messageId").asText(), sent.get(0).messageId());
        assertEquals("Your code is 123456", sent.get(0).text());
        assertEquals("clearname", sent.get(0).sender());
        assertEquals(
                sent, stub.received().stream().filter(m -> m.to().equals(phone)).toList());
    }

    @Test
    void answersTheFirstResultForARepeatedIdempotencyKey() throws Exception {
        String phone = phone();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = send(phone, "once", "token", key);
        HttpResponse<String> again = send(phone, "once", "token", key);

        assertEquals(202, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals(1, SmsOutbox.messagesTo(stub.baseUrl(), phone).size());
    }

    @Test
    void rejectsMissingTokenAndMissingIdempotencyKey() throws Exception {
        String phone = phone();
        assertEquals(401, send(phone, "x", null, UUID.randomUUID().toString()).statusCode());
        assertEquals(401, send(phone, "x", " ", UUID.randomUUID().toString()).statusCode());
        assertEquals(400, send(phone, "x", "token", null).statusCode());
        assertEquals(List.of(), SmsOutbox.messagesTo(stub.baseUrl(), phone));
    }

    @Test
    void failsAsOftenAsAskedThenSends() throws Exception {
        String phone = phone();
        String key = UUID.randomUUID().toString();
        stub.failNext(503, 2);

        assertEquals(503, send(phone, "retry me", "token", key).statusCode());
        assertEquals(503, send(phone, "retry me", "token", key).statusCode());
        assertEquals(202, send(phone, "retry me", "token", key).statusCode());
        assertEquals(1, SmsOutbox.messagesTo(stub.baseUrl(), phone).size());
    }

    @Test
    void failuresCanBeAskedForOverHttp() throws Exception {
        String phone = phone();
        SmsOutbox.failNext(stub.baseUrl(), 429, 1);
        assertEquals(
                429, send(phone, "x", "token", UUID.randomUUID().toString()).statusCode());

        SmsOutbox.failNext(stub.baseUrl(), 500, 5);
        SmsOutbox.reset(stub.baseUrl());
        assertEquals(
                202, send(phone, "x", "token", UUID.randomUUID().toString()).statusCode());
    }

    @Test
    void aDelayedSendIsRecordedOnceEvenWhenTheClientRetries() throws Exception {
        String phone = phone();
        String key = UUID.randomUUID().toString();
        SmsOutbox.delayNext(stub.baseUrl(), Duration.ofSeconds(3), 1);

        assertThrows(HttpTimeoutException.class, () -> send(phone, "slow", "token", key, Duration.ofMillis(300)));
        HttpResponse<String> retry = send(phone, "slow", "token", key);

        assertEquals(202, retry.statusCode());
        List<SmsMessage> sent = SmsOutbox.messagesTo(stub.baseUrl(), phone);
        assertEquals(1, sent.size());
        assertTrue(retry.body().contains(sent.get(0).messageId()));
    }

    @Test
    void countsTheSendsItAnswersAtOnce() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(SmsGatewayStubTest::idleAfterReset);
        SmsOutbox.delayNext(stub.baseUrl(), Duration.ofSeconds(2), 2);

        List<CompletableFuture<HttpResponse<String>>> sends = List.of(sendAsync(phone()), sendAsync(phone()));

        await().atMost(Duration.ofSeconds(10)).until(() -> SmsOutbox.maxConcurrentSends(stub.baseUrl()) == 2);
        for (CompletableFuture<HttpResponse<String>> send : sends) {
            assertEquals(202, send.get(10, TimeUnit.SECONDS).statusCode());
        }
        await().atMost(Duration.ofSeconds(10)).until(SmsGatewayStubTest::idleAfterReset);
    }

    @Test
    void failuresForOneNumberLeaveOtherNumbersAlone() throws Exception {
        String failing = phone();
        String other = phone();
        stub.failNextTo(failing, 503, 2, null);

        assertEquals(
                202, send(other, "x", "token", UUID.randomUUID().toString()).statusCode());
        String key = UUID.randomUUID().toString();
        assertEquals(503, send(failing, "x", "token", key).statusCode());
        assertEquals(503, send(failing, "x", "token", key).statusCode());
        assertEquals(202, send(failing, "x", "token", key).statusCode());
        assertEquals(1, SmsOutbox.messagesTo(stub.baseUrl(), failing).size());
    }

    @Test
    void aFailureForOneNumberOverHttpCarriesItsRetryAfter() throws Exception {
        String phone = phone();
        SmsOutbox.failNextTo(stub.baseUrl(), phone, 429, 1, Duration.ofSeconds(7));

        HttpResponse<String> limited =
                send(phone, "x", "token", UUID.randomUUID().toString());

        assertEquals(429, limited.statusCode());
        assertEquals("7", limited.headers().firstValue("Retry-After").orElse(null));
        assertEquals(
                202, send(phone, "x", "token", UUID.randomUUID().toString()).statusCode());
    }

    @Test
    void aDelayForOneNumberOverHttpLeavesOtherNumbersFast() throws Exception {
        String slow = phone();
        String key = UUID.randomUUID().toString();
        SmsOutbox.delayNextTo(stub.baseUrl(), slow, Duration.ofSeconds(3), 1);

        assertEquals(
                202,
                send(phone(), "x", "token", UUID.randomUUID().toString(), Duration.ofMillis(1000))
                        .statusCode());
        assertThrows(HttpTimeoutException.class, () -> send(slow, "slow", "token", key, Duration.ofMillis(300)));
        assertEquals(202, send(slow, "slow", "token", key).statusCode());
        assertEquals(1, SmsOutbox.messagesTo(stub.baseUrl(), slow).size());
    }

    @Test
    void resetClearsTheFailuresOfEveryNumber() throws Exception {
        String phone = phone();
        SmsOutbox.failNextTo(stub.baseUrl(), phone, 500, 100);
        SmsOutbox.reset(stub.baseUrl());

        assertEquals(
                202, send(phone, "x", "token", UUID.randomUUID().toString()).statusCode());
    }

    @Test
    void countsSinceAnInstantAndRefusesAnotherSince() throws Exception {
        String phone = phone();
        send(phone, "x", "token", UUID.randomUUID().toString());
        String later = Instant.now().plusSeconds(60).toString();

        assertTrue(get("/v1/messages/counts").body().contains(phone));
        HttpResponse<String> none = get("/v1/messages/counts?since=" + later);
        assertEquals(200, none.statusCode());
        assertFalse(none.body().contains(phone), none.body());
        HttpResponse<String> refused = get("/v1/messages/counts?since=yesterday");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void keepsAPlusInTheQueryAsAPlus() throws Exception {
        String phone = phone();
        send(phone, "x", "token", UUID.randomUUID().toString());
        HttpResponse<String> raw = HTTP.send(
                HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/v1/messages?to=" + phone))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, raw.statusCode());
        assertEquals(phone, Json.MAPPER.readTree(raw.body()).get(0).get("to").asText());
    }

    @Test
    void listsEveryAcceptedPostWithARepeatedKeyFlaggedWhileMessagesStayOnePerKey() throws Exception {
        String phone = phone();
        String key = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        send(phone, "once", "token", key);
        send(phone, "once", "token", key);
        send(phone, "twice", "token", other);
        stub.failNextTo(phone, 503, 1, null);
        assertEquals(503, send(phone, "refused", "token", key).statusCode());

        List<SmsPost> posts = SmsOutbox.postsTo(stub.baseUrl(), phone);
        assertEquals(
                List.of(key, key, other),
                posts.stream().map(SmsPost::idempotencyKey).toList());
        assertEquals(
                List.of(false, true, false), posts.stream().map(SmsPost::repeat).toList());
        assertEquals(posts.get(0).messageId(), posts.get(1).messageId());
        assertTrue(posts.stream().allMatch(p -> p.to().equals(phone) && p.receivedAt() != null));
        assertEquals(2, SmsOutbox.messagesTo(stub.baseUrl(), phone).size());
        assertEquals(
                posts, stub.posts().stream().filter(p -> p.to().equals(phone)).toList());
        assertTrue(SmsOutbox.allPosts(stub.baseUrl()).containsAll(posts));
        JsonNode counts =
                Json.MAPPER.readTree(get("/v1/messages/counts").body()).get(phone);
        assertEquals(2, counts.get("messages").asInt());
        assertEquals(3, counts.get("posts").asInt());
    }

    @Test
    void aStallRecordsThePostAtOnceAndHoldsTheAnswerUntilItEnds() throws Exception {
        String stalled = phone();
        String key = UUID.randomUUID().toString();
        SmsOutbox.stallTo(stub.baseUrl(), stalled, Duration.ofSeconds(30));

        CompletableFuture<HttpResponse<String>> held = HTTP.sendAsync(
                request(stalled, "frozen", "token", key, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SmsOutbox.postsTo(stub.baseUrl(), stalled).size() == 1);
        assertEquals(1, SmsOutbox.messagesTo(stub.baseUrl(), stalled).size());
        assertFalse(held.isDone());
        assertEquals(
                202,
                send(phone(), "x", "token", UUID.randomUUID().toString(), Duration.ofSeconds(2))
                        .statusCode(),
                "a stall for one number leaves the others alone");

        SmsOutbox.endStall(stub.baseUrl());

        assertEquals(202, held.get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void aStallForEveryNumberEndsByItself() throws Exception {
        SmsOutbox.stall(stub.baseUrl(), Duration.ofMillis(700));
        Instant start = Instant.now();

        HttpResponse<String> answer =
                send(phone(), "x", "token", UUID.randomUUID().toString());

        assertEquals(202, answer.statusCode());
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 500, "the answer waited for the stall");
    }

    @Test
    void aClientThatGivesUpDuringAStallHasStillSentAndItsRetryIsARepeat() throws Exception {
        String phone = phone();
        String key = UUID.randomUUID().toString();
        stub.stallTo(phone, Duration.ofSeconds(30));

        assertThrows(HttpTimeoutException.class, () -> send(phone, "frozen", "token", key, Duration.ofMillis(300)));
        stub.endStall();
        assertEquals(202, send(phone, "frozen", "token", key).statusCode());

        assertEquals(
                List.of(false, true),
                stub.posts().stream()
                        .filter(p -> p.to().equals(phone))
                        .map(SmsPost::repeat)
                        .toList());
        assertEquals(1, SmsOutbox.messagesTo(stub.baseUrl(), phone).size());
    }

    @Test
    void refusesAStallWithoutItsLength() throws Exception {
        HttpResponse<String> refused = HTTP.send(
                HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/_control/stall"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"+8613800138000\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode());
    }

    /** Sends delayed by other tests may still be answered; a reset counts from what is in flight now. */
    private static boolean idleAfterReset() {
        SmsOutbox.resetConcurrency(stub.baseUrl());
        return SmsOutbox.maxConcurrentSends(stub.baseUrl()) == 0;
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stub.baseUrl() + pathAndQuery))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String phone() {
        return "+86138" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(String to) {
        return HTTP.sendAsync(
                request(to, "x", "token", UUID.randomUUID().toString(), Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String to, String text, String token, String key)
            throws IOException, InterruptedException {
        return send(to, text, token, key, Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(String to, String text, String token, String key, Duration timeout)
            throws IOException, InterruptedException {
        return HTTP.send(request(to, text, token, key, timeout), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String to, String text, String token, String key, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/v1/messages"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"to\":\"" + to + "\",\"text\":\"" + text + "\",\"sender\":\"clearname\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.build();
    }
}
