package io.clearname.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
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
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail, SMTP only, no authentication) on 127.0.0.1 that keeps every mail it accepts, plus a
 * small HTTP endpoint to look at them from another process or class loader, and faults on demand.
 *
 * <p>{@code GET <inspectionUrl>/messages[?to=address]} answers a JSON array of {@link ReceivedMail} objects ({@code
 * to, from, subject, body, receivedAt, messageId}), oldest first, every accepted mail, one sent twice included. {@link
 * io.clearname.local.testing.Mailbox} is a client for it. {@code GET <inspectionUrl>/messages/counts[?since=instant]}
 * answers {@code {"address": count, ...}} without reading the mails, for counting many recipients at once (the
 * benchmark does).
 *
 * <p>Faults, from Java or over HTTP on the inspection port:
 *
 * <ul>
 *   <li>{@link #stall(Duration)}, {@code POST /_control/stall {"millis": 5000}}: the server freezes (clients reach it
 *       through a {@link FaultProxy}): every session hangs where it is, new ones are accepted but not greeted, nothing
 *       is answered or closed. When the stall ends, everything carries on: a mail whose data was sent during the stall
 *       is accepted then, even if its client timed out and left meanwhile, as with a real server that froze. Without
 *       {@code millis} (or {@link #freeze()}) it lasts until {@code DELETE /_control/stall} ({@link #thaw()}).
 *   <li>{@link #failNext(int, int)}, {@code POST /_control/failures {"code": 451, "times": 2}}: the next two
 *       recipients are refused with that code (4xx or 5xx; 421 also closes the connection) and those mails are not
 *       accepted; with {@code "to": "address"} only that address's ({@link #failNextTo}), which takes precedence over
 *       a rule for everyone, so that tests sharing a server do not fail each other's mails. {@code DELETE
 *       /_control/failures} ({@link #reset()} also thaws) clears them.
 * </ul>
 */
public final class SmtpServer implements AutoCloseable {
    private static final String STALL = "/_control/stall";
    private static final String FAILURES = "/_control/failures";
    private static final Pattern RECIPIENT = Pattern.compile("(?i)RCPT TO:\\s*<([^>]*)>.*");
    /**
     * GreenMail drops a session silent for 30 s; a frozen proxy keeps it silent as long as the stall lasts, and a
     * frozen server would not give up on its clients either.
     */
    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(10);

    private final ControlledGreenMail greenMail;
    private final FaultProxy proxy;
    private final SmtpFailures failures;
    private final LoopbackHttpServer inspection;
    private final ScheduledExecutorService thawer;
    /** Counts stalls, so that the timed end of an earlier one does not end a later one. */
    private final AtomicLong stalls = new AtomicLong();

    private final AtomicBoolean closed = new AtomicBoolean();

    private SmtpServer(ControlledGreenMail greenMail, FaultProxy proxy, int inspectionPort) {
        this.greenMail = greenMail;
        this.proxy = proxy;
        this.failures = greenMail.failures;
        this.thawer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "smtp-stall-end");
            thread.setDaemon(true);
            return thread;
        });
        // the handlers only read fields that are set by now
        this.inspection = new LoopbackHttpServer("mailbox", inspectionPort)
                .route("/messages", this::handleMessages)
                .route("/messages/counts", this::handleCounts)
                .route(STALL, this::handleStall)
                .route(FAILURES, this::handleFailures)
                .start();
    }

    /**
     * Starts the SMTP server and its inspection endpoint.
     *
     * @param smtpPort the SMTP port on 127.0.0.1, 0 for a free one
     * @param inspectionPort the HTTP port of {@code GET /messages}, 0 for a free one
     */
    public static SmtpServer start(int smtpPort, int inspectionPort) {
        int clientPort = Ports.orFree(smtpPort);
        // GreenMail itself on a port of its own; clients reach it through the proxy on smtpPort.
        ControlledGreenMail greenMail = new ControlledGreenMail(
                new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new SmtpFailures());
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        FaultProxy proxy = null;
        try {
            proxy = FaultProxy.start(
                    "smtp",
                    clientPort,
                    new InetSocketAddress(
                            InetAddress.getLoopbackAddress(),
                            greenMail.getSmtp().getPort()));
            return new SmtpServer(greenMail, proxy, inspectionPort);
        } catch (RuntimeException e) {
            if (proxy != null) {
                proxy.close();
            }
            greenMail.stop();
            throw e;
        }
    }

    /** The SMTP port on 127.0.0.1. */
    public int smtpPort() {
        return proxy.port();
    }

    /** Freezes the server until {@link #thaw()}: see the class comment. Idempotent. */
    public void freeze() {
        stalls.incrementAndGet();
        proxy.freeze();
    }

    /** Freezes the server now and thaws it after {@code duration}, unless a later stall or thaw came first. */
    public void stall(Duration duration) {
        long stall = stalls.incrementAndGet();
        proxy.freeze();
        thawer.schedule(
                () -> {
                    if (stalls.get() == stall) {
                        proxy.thaw();
                    }
                },
                Math.max(0, duration.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** Ends a stall: what waited is delivered, sessions carry on. Idempotent. */
    public void thaw() {
        stalls.incrementAndGet();
        proxy.thaw();
    }

    /** Whether the server is frozen. */
    public boolean isFrozen() {
        return proxy.frozen();
    }

    /**
     * The next {@code times} recipients, of any mail, are refused with {@code code} and their mails not accepted.
     *
     * @param code 400-599, e.g. 451 (local error), 452 (insufficient storage), 421 (closes the connection too)
     */
    public void failNext(int code, int times) {
        failures.fail(null, code, times);
    }

    /** Like {@link #failNext(int, int)}, for mails to {@code to} only (case-insensitive). */
    public void failNextTo(String to, int code, int times) {
        failures.fail(to, code, times);
    }

    /** Clears every failure rule and ends a stall. */
    public void reset() {
        failures.reset();
        thaw();
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
        thawer.shutdownNow();
        proxy.close();
        greenMail.stop();
    }

    /** {@code POST /_control/stall {"millis"?}}, {@code DELETE /_control/stall}, {@code GET}: {@code {"frozen"}}. */
    private void handleStall(HttpExchange exchange) throws IOException {
        if (!STALL.equals(exchange.getRequestURI().getPath())) {
            LoopbackHttpServer.sendProblem(
                    exchange, 404, "Not Found", exchange.getRequestURI().getPath());
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> LoopbackHttpServer.sendJson(exchange, 200, Map.of("frozen", isFrozen()));
            case "DELETE" -> {
                thaw();
                LoopbackHttpServer.sendEmpty(exchange, 204);
            }
            case "POST" -> {
                Optional<JsonNode> body = body(exchange);
                if (body.isEmpty()) {
                    return;
                }
                JsonNode millis = body.get().get("millis");
                if (millis == null || millis.isNull()) {
                    freeze();
                } else if (!millis.canConvertToLong() || millis.asLong() < 0) {
                    LoopbackHttpServer.sendProblem(
                            exchange, 400, "Bad Request", "\"millis\" must be a number of milliseconds, 0 or more");
                    return;
                } else {
                    stall(Duration.ofMillis(millis.asLong()));
                }
                LoopbackHttpServer.sendEmpty(exchange, 204);
            }
            default -> LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "GET, POST or DELETE");
        }
    }

    /** {@code POST /_control/failures {"code", "times"?, "to"?}}, {@code DELETE /_control/failures}. */
    private void handleFailures(HttpExchange exchange) throws IOException {
        if (!FAILURES.equals(exchange.getRequestURI().getPath())) {
            LoopbackHttpServer.sendProblem(
                    exchange, 404, "Not Found", exchange.getRequestURI().getPath());
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "DELETE" -> {
                failures.reset();
                LoopbackHttpServer.sendEmpty(exchange, 204);
            }
            case "POST" -> {
                Optional<JsonNode> body = body(exchange);
                if (body.isEmpty()) {
                    return;
                }
                if (!body.get().path("code").canConvertToInt()) {
                    LoopbackHttpServer.sendProblem(
                            exchange, 400, "Bad Request", "give \"code\" (4xx or 5xx) and \"times\"");
                    return;
                }
                try {
                    failures.fail(
                            Json.text(body.get(), "to"),
                            body.get().get("code").asInt(),
                            body.get().path("times").asInt(1));
                } catch (IllegalArgumentException e) {
                    LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", e.getMessage());
                    return;
                }
                LoopbackHttpServer.sendEmpty(exchange, 204);
            }
            default -> LoopbackHttpServer.sendProblem(exchange, 405, "Method Not Allowed", "POST or DELETE");
        }
    }

    /** The request's JSON body, an empty object when there is none; empty after answering 400 when it is no JSON. */
    private static Optional<JsonNode> body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return Optional.of(Json.MAPPER.createObjectNode());
        }
        try {
            JsonNode body = Json.MAPPER.readTree(bytes);
            if (body != null && body.isObject()) {
                return Optional.of(body);
            }
        } catch (IOException e) {
            // answered below
        }
        LoopbackHttpServer.sendProblem(exchange, 400, "Bad Request", "the body is not a JSON object");
        return Optional.empty();
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
                recipient.toLowerCase(Locale.ROOT),
                sender,
                message.getSubject(),
                text(message),
                receivedAt,
                message.getMessageID());
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

    /**
     * GreenMail whose SMTP sessions refuse recipients on demand ({@link SmtpFailures}). GreenMail creates its services
     * from its own constructor, before a subclass' fields are set, so the session handler reads the rules through this
     * object later, when a client connects.
     */
    private static final class ControlledGreenMail extends GreenMail {
        private final SmtpFailures failures;

        ControlledGreenMail(ServerSetup setup, SmtpFailures failures) {
            super(new ServerSetup[] {setup});
            this.failures = failures;
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = super.createServices(config, managers);
            AbstractServer smtp = services.get(ServerSetup.PROTOCOL_SMTP);
            if (smtp != null) {
                services.put(
                        ServerSetup.PROTOCOL_SMTP,
                        new ControlledSmtp(smtp.getServerSetup(), managers, () -> this.failures));
            }
            return services;
        }
    }

    /** GreenMail's SMTP service with {@link ControlledCommands} in each session. */
    private static final class ControlledSmtp extends com.icegreen.greenmail.smtp.SmtpServer {
        private final Supplier<SmtpFailures> failures;

        ControlledSmtp(ServerSetup setup, Managers managers, Supplier<SmtpFailures> failures) {
            super(setup, managers);
            this.failures = failures;
            setClientSocketTimeout((int) SESSION_TIMEOUT.toMillis());
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            return new SmtpHandler(new ControlledCommands(failures.get()), managers.getSmtpManager(), socket);
        }
    }

    /** GreenMail's commands, with {@code RCPT} answering the failures asked for first. */
    private static final class ControlledCommands extends SmtpCommandRegistry {
        private final SmtpFailures failures;

        ControlledCommands(SmtpFailures failures) {
            this.failures = failures;
        }

        @Override
        public SmtpCommand getCommand(String name) {
            SmtpCommand command = super.getCommand(name);
            if (command == null || !"RCPT".equals(name)) {
                return command;
            }
            return new SmtpCommand() {
                @Override
                public void execute(SmtpConnection connection, SmtpState state, SmtpManager manager, String line)
                        throws IOException {
                    Matcher recipient = RECIPIENT.matcher(line);
                    int code = failures.next(recipient.matches() ? recipient.group(1) : null);
                    if (code == 0) {
                        command.execute(connection, state, manager, line);
                        return;
                    }
                    connection.send(SmtpFailures.reply(code));
                    if (code == 421) {
                        connection.quit();
                    }
                }
            };
        }
    }
}
