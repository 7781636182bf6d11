package io.clearname.local.testing;

import io.clearname.local.SmsMessage;
import io.clearname.local.SmsPost;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads what the SMS gateway stub accepted and asks it for failures and stalls, over HTTP, so it works from any class
 * loader or process.
 *
 * <pre>
 * SmsOutbox.failNextTo(SmsGatewayTestResource.baseUrl(), "+8613800138000", 503, 2);
 * await().until(() -> SmsOutbox.messagesTo(SmsGatewayTestResource.baseUrl(), "+8613800138000"), hasSize(1));
 * assertThat(SmsOutbox.postsTo(SmsGatewayTestResource.baseUrl(), "+8613800138000")).hasSize(3);
 * </pre>
 */
public final class SmsOutbox {
    private SmsOutbox() {}

    /**
     * The messages accepted for {@code phone} (exact match), oldest first.
     *
     * @param baseUrl the stub's base URL: {@link SmsGatewayTestResource#baseUrl()}, or {@code SMS_GATEWAY_URL}
     */
    public static List<SmsMessage> messagesTo(String baseUrl, String phone) {
        return HttpJson.getList(baseUrl, "/v1/messages", phone, SmsMessage.class);
    }

    /** Every message accepted so far, oldest first. */
    public static List<SmsMessage> all(String baseUrl) {
        return HttpJson.getList(baseUrl, "/v1/messages", null, SmsMessage.class);
    }

    /**
     * Every POST to {@code phone} (exact match) the stub accepted, repeated Idempotency-Keys included, oldest first:
     * how often a client sent, where {@link #messagesTo} lists what went out (one per key).
     */
    public static List<SmsPost> postsTo(String baseUrl, String phone) {
        return HttpJson.getList(baseUrl, "/v1/messages/posts", phone, SmsPost.class);
    }

    /** Every POST the stub accepted so far, repeated Idempotency-Keys included, oldest first. */
    public static List<SmsPost> allPosts(String baseUrl) {
        return HttpJson.getList(baseUrl, "/v1/messages/posts", null, SmsPost.class);
    }

    /**
     * A frozen gateway for {@code duration}: every POST in that time is read and recorded at once, and answered only
     * when the stall ends (or {@link #endStall}).
     */
    public static void stall(String baseUrl, Duration duration) {
        HttpJson.post(baseUrl, "/_control/stall", Map.of("millis", duration.toMillis()));
    }

    /** As {@link #stall}, for POSTs to {@code phone} only, so that tests sharing the stub do not stall each other. */
    public static void stallTo(String baseUrl, String phone, Duration duration) {
        HttpJson.post(baseUrl, "/_control/stall", Map.of("to", phone, "millis", duration.toMillis()));
    }

    /** Ends every stall now; the answers held go out. */
    public static void endStall(String baseUrl) {
        HttpJson.delete(baseUrl, "/_control/stall");
    }

    /** The next {@code times} sends answer {@code status} and send nothing. */
    public static void failNext(String baseUrl, int status, int times) {
        HttpJson.post(baseUrl, "/_control/failures", Map.of("status", status, "times", times));
    }

    /**
     * The next {@code times} sends to {@code phone} answer {@code status} and send nothing; other numbers are not
     * affected, so tests sharing the stub cannot fail each other's sends.
     */
    public static void failNextTo(String baseUrl, String phone, int status, int times) {
        HttpJson.post(baseUrl, "/_control/failures", Map.of("to", phone, "status", status, "times", times));
    }

    /** As {@link #failNextTo(String, String, int, int)}, with a {@code Retry-After} header on the answers. */
    public static void failNextTo(String baseUrl, String phone, int status, int times, Duration retryAfter) {
        HttpJson.post(
                baseUrl,
                "/_control/failures",
                Map.of("to", phone, "status", status, "times", times, "retryAfterSeconds", retryAfter.toSeconds()));
    }

    /** The next {@code times} sends to {@code phone} are accepted but answered only after {@code delay}. */
    public static void delayNextTo(String baseUrl, String phone, Duration delay, int times) {
        HttpJson.post(
                baseUrl, "/_control/failures", Map.of("to", phone, "delayMillis", delay.toMillis(), "times", times));
    }

    /** The next {@code times} sends are accepted but answered only after {@code delay}. */
    public static void delayNext(String baseUrl, Duration delay, int times) {
        HttpJson.post(baseUrl, "/_control/failures", Map.of("delayMillis", delay.toMillis(), "times", times));
    }

    /** The most sends the stub was answering at once since {@link #resetConcurrency}. */
    public static int maxConcurrentSends(String baseUrl) {
        return HttpJson.getObject(baseUrl, "/_control/concurrency").path("max").asInt();
    }

    /** Starts counting the most sends at once afresh. */
    public static void resetConcurrency(String baseUrl) {
        HttpJson.delete(baseUrl, "/_control/concurrency");
    }

    /** Clears the failures and delays asked for and ends any stall. */
    public static void reset(String baseUrl) {
        HttpJson.delete(baseUrl, "/_control/failures");
    }
}
