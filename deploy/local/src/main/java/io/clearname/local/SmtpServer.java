package io.clearname.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real SMTP server (GreenMail, SMTP only, no authentication) on 127.0.0.1 that keeps every mail it accepts, plus a
 * small HTTP endpoint to look at them from another process or class loader.
 *
 * <p>{@code GET <inspectionUrl>/messages[?to=address]} answers a JSON array of {@link ReceivedMail} objects ({@code
 * to, from, subject, body, receivedAt}), oldest first. {@link io.clearname.local.testing.Mailbox} is a client for it.
 * {@code GET <inspectionUrl>/messages/counts[?since=instant]} answers {@code {"address": count, ...}} without reading
 * the mails, for counting many recipients at once (the benchmark does).
 */
public final class SmtpServer implements AutoCloseable {
    private final GreenMail greenMail;
    private final LoopbackHttpServer inspection;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SmtpServer(GreenMail greenMail, int inspectionPort) {
        this.greenMail = greenMail;
        // handleMessages only reads greenMail, which is set by now
        this.inspection = new LoopbackHttpServer("mailbox", inspectionPort)
                .route("/messages", this::handleMessages)
                .route("/messages/counts", this::handleCounts)
                .start();
    }

    /**
     * Starts the SMTP server and its inspection endpoint.
     *
     * @param smtpPort the SMTP port on 127.0.0.1, 0 for a free one
     * @param inspectionPort the HTTP port of {@code GET /messages}, 0 for a free one
     */
    public static SmtpServer start(int smtpPort, int inspectionPort) {
        GreenMail greenMail =
                new GreenMail(new ServerSetup(Ports.orFree(smtpPort), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        try {
            return new SmtpServer(greenMail, inspectionPort);
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
    }

    /** The SMTP port on 127.0.0.1. */
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, the base URL of {@code GET /messages}. */
    public String inspectionUrl() {
        return inspection.baseUrl();
    }

    /** Every mail accepted so far, one entry per recipient, oldest first. */
    public List<ReceivedMail> received() {
        return received(null);
    }

    /** The mails accepted so far for {@code to} (every recipient when null), oldest first. */
    private List<ReceivedMail> received(String to) {
        List<ReceivedMail> mails = new ArrayList<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            if (to != null && !user.getEmail().equalsIgnoreCase(to)) {
                continue;
            }
            try {
                for (StoredMessage message : greenMail
                        .getManagers()
                        .getImapHostManager()
                        .getInbox(user)
                        .getMessages()) {
                    mails.add(toReceivedMail(user.getEmail(), message));
                }
            } catch (FolderException | MessagingException | IOException e) {
                throw new IllegalStateException("cannot read the mailbox of " + user.getEmail(), e);
            }
        }
        mails.sort(Comparator.comparing(ReceivedMail::receivedAt));
        return mails;
    }

    /** Stops the inspection endpoint and the SMTP server. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        inspection.stop();
        greenMail.stop();
    }

    private void handleMessages(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "only GET /messages");
            return;
        }
        String to = LoopbackHttpServer.query(exchange).get("to");
        LoopbackHttpServer.sendJson(exchange, 200, received(to == null ? null : to.strip()));
    }

    private void handleCounts(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "only GET /messages/counts");
            return;
        }
        Optional<Instant> asked = LoopbackHttpServer.since(exchange);
        if (asked.isEmpty()) {
            return;
        }
        Instant since = asked.get();
        Map<String, Integer> counts = new TreeMap<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            try {
                int count = 0;
                for (StoredMessage message : greenMail
                        .getManagers()
                        .getImapHostManager()
                        .getInbox(user)
                        .getMessages()) {
                    Date received = message.getReceivedDate();
                    if (received == null || !received.toInstant().isBefore(since)) {
                        count++;
                    }
                }
                if (count > 0) {
                    counts.put(user.getEmail().toLowerCase(Locale.ROOT), count);
                }
            } catch (FolderException e) {
                throw new IllegalStateException("cannot read the mailbox of " + user.getEmail(), e);
            }
        }
        LoopbackHttpServer.sendJson(exchange, 200, counts);
    }

    private static ReceivedMail toReceivedMail(String recipient, StoredMessage stored)
            throws MessagingException, IOException {
        MimeMessage message = stored.getMimeMessage();
        Address[] from = message.getFrom();
        String sender = from == null || from.length == 0
                ? null
                : from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
        Instant receivedAt = stored.getReceivedDate() == null
                ? Instant.now()
                : stored.getReceivedDate().toInstant();
        return new ReceivedMail(
                recipient.toLowerCase(Locale.ROOT), sender, message.getSubject(), text(message), receivedAt);
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            Object content = part.getContent();
            return content instanceof String text ? text : String.valueOf(content);
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    continue;
                }
                if (child.isMimeType("text/plain")) {
                    return text(child);
                }
                String nested = text(child);
                if (nested != null && html == null) {
                    html = nested;
                }
            }
            return html;
        }
        return null;
    }
}
