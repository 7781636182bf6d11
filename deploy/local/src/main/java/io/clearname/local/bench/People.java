package io.clearname.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearname.local.FakePeople;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The people of one benchmark run: an account each, created through the support API with a real name verified 30 days
 * ago, and their bearer tokens. Addresses and phone numbers are unique within the run, and across runs started seconds
 * apart (mails and texts are also counted only since the run started).
 */
final class People {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI accountService;
    private final TokenSource tokens;
    private final Progress progress;
    private final String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    private final long phoneBase = (Instant.now().getEpochSecond() % 10_000) * 100_000L;

    People(HttpClient http, URI accountService, TokenSource tokens, Progress progress) {
        this.http = http;
        this.accountService = accountService;
        this.tokens = tokens;
        this.progress = progress;
    }

    /**
     * Creates one verified account per clearing through the support API, with a real name verified 30 days ago; their
     * addresses and phone numbers are numbered from {@code firstIndex}, unique within the run.
     */
    List<Clearing> create(int count, int firstIndex) throws InterruptedException {
        String support = tokens.support();
        Clearing[] created = new Clearing[count];
        AtomicInteger done = new AtomicInteger();
        Semaphore concurrency = new Semaphore(8);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
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
            var request = HttpRequest.newBuilder(accountService.resolve("/api/v1/admin/accounts"))
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

    /** Signs each account's token: its owner signed in just now. */
    void signTokens(List<Clearing> clearings) {
        int done = 0;
        for (Clearing clearing : clearings) {
            clearing.token = tokens.user(clearing.accountId);
            clearing.tokenSignedNanos = System.nanoTime();
            progress.show("tokens", ++done, clearings.size(), "");
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }
}
