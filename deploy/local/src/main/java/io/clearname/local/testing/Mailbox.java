package io.clearname.local.testing;

import io.clearname.local.ReceivedMail;
import java.util.List;

/**
 * Reads what the SMTP server received, over HTTP, so it works from any class loader or process.
 *
 * <pre>
 * await().until(() -> Mailbox.messagesTo(SmtpTestResource.mailboxUrl(), "li.lei@example.com"), hasSize(1));
 * </pre>
 */
public final class Mailbox {
    private Mailbox() {}

    /**
     * The mails delivered to {@code email} (case-insensitive), oldest first.
     *
     * @param baseUrl the inspection URL: {@link SmtpTestResource#mailboxUrl()}, or {@code MAILBOX_URL} of a stack
     */
    public static List<ReceivedMail> messagesTo(String baseUrl, String email) {
        return HttpJson.getList(baseUrl, "/messages", email, ReceivedMail.class);
    }

    /** Every mail received so far, oldest first. */
    public static List<ReceivedMail> all(String baseUrl) {
        return HttpJson.getList(baseUrl, "/messages", null, ReceivedMail.class);
    }
}
