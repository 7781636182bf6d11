package io.clearname.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What reached people, counted where it arrived: mails per address at the SMTP server, texts per phone at the SMS
 * stand-in (every accepted POST, a repeated Idempotency-Key included). Null figures when the suite's mail and SMS go
 * elsewhere (a remote deployment).
 */
final class Counts {

    /** Per address or phone: how many had the expected count, how many more or fewer, and the repeats. */
    record Delivered(int checked, int expected, int exact, int missing, int extra, int repeatedPosts) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI mailbox;
    private final URI sms;
    private final Instant since;
    private final int perChannel;

    /** @param perChannel the mails (and the texts) each accepted clearing should have brought */
    Counts(HttpClient http, URI mailbox, URI sms, Instant since, int perChannel) {
        this.http = http;
        this.mailbox = mailbox;
        this.sms = sms;
        this.since = since;
        this.perChannel = perChannel;
    }

    /** Mails per address of the accepted clearings. */
    Delivered mails(List<Clearing> clearings) {
        if (mailbox == null) {
            return null;
        }
        JsonNode counts = get(mailbox.resolve("/messages/counts?since=" + since));
        return tally(
                clearings, c -> counts.path(c.email.toLowerCase(Locale.ROOT)).asInt(0), c -> 0);
    }

    /** Texts per phone of the accepted clearings, and the POSTs beyond them. */
    Delivered texts(List<Clearing> clearings) {
        if (sms == null) {
            return null;
        }
        JsonNode counts = get(sms.resolve("/v1/messages/counts?since=" + since));
        return tally(
                clearings,
                c -> counts.path(c.phone).path("messages").asInt(0),
                c -> counts.path(c.phone).path("posts").asInt(0)
                        - counts.path(c.phone).path("messages").asInt(0));
    }

    private Delivered tally(
            List<Clearing> clearings,
            java.util.function.ToIntFunction<Clearing> count,
            java.util.function.ToIntFunction<Clearing> repeats) {
        int checked = 0, exact = 0, missing = 0, extra = 0, repeated = 0;
        int expected = perChannel;
        for (Clearing c : clearings) {
            if (!c.accepted()) {
                continue;
            }
            checked++;
            int n = count.applyAsInt(c);
            exact += n == expected ? 1 : 0;
            missing += Math.max(0, expected - n);
            extra += Math.max(0, n - expected);
            repeated += repeats.applyAsInt(c);
        }
        return new Delivered(checked, expected, exact, missing, extra, repeated);
    }

    private JsonNode get(URI uri) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
