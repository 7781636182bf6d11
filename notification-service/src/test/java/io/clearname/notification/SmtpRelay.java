package io.clearname.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A line-by-line SMTP relay in front of the real SMTP server of the tests, which can refuse a recipient on demand
 * ({@link #refuseNext}: {@code RCPT TO} answered with e.g. 451 or 550 instead of being passed on), can stall like a
 * server that took a mail and does not answer ({@link #holdReplyToNext}: the mail's terminating dot is held back for a
 * while, so the server's reply comes that much later), and remembers the {@code Message-ID} of every mail handed over
 * to it per recipient ({@link #messageIds}: counted when the client sends the terminating dot). Everything else goes
 * through unchanged, so accepted mails land in the real server's mailbox.
 *
 * <p>One relay per test JVM. Quarkus may load this class more than once (test resources and tests, each test
 * profile), so the relay keeps its state in the instance that runs it, and tests reach it over a small HTTP control
 * endpoint whose address is a system property: {@code POST /refusals?to=&code=&times=},
 * {@code POST /reply-holds?to=&millis=}, {@code GET /message-ids?to=}.
 */
final class SmtpRelay {

    static final String PORT = "clearname.test.smtp-relay.port";
    static final String CONTROL = "clearname.test.smtp-relay.control";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Refusals asked for: recipient to {reply code, times left}. Only the running relay's copy is used. */
    private static final Map<String, int[]> RULES = new ConcurrentHashMap<>();

    /** Message-IDs handed over, per recipient. Only the running relay's copy is used. */
    private static final Map<String, List<String>> MESSAGE_IDS = new ConcurrentHashMap<>();

    /** Reply holds asked for: recipient to milliseconds, for its next mail. Only the running relay's copy is used. */
    private static final Map<String, Long> REPLY_HOLDS = new ConcurrentHashMap<>();

    private SmtpRelay() {}

    /** Starts the relay to {@code 127.0.0.1:upstreamPort} unless this JVM runs one; returns its port. */
    static int startOnce(int upstreamPort) {
        synchronized (System.getProperties()) {
            String running = System.getProperty(PORT);
            if (running != null) {
                return Integer.parseInt(running);
            }
            try {
                ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Thread acceptor = new Thread(() -> accept(server, upstreamPort), "smtp-relay");
                acceptor.setDaemon(true);
                acceptor.start();
                HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
                control.createContext("/refusals", SmtpRelay::handleRefusal);
                control.createContext("/message-ids", SmtpRelay::handleMessageIds);
                control.createContext("/reply-holds", SmtpRelay::handleReplyHold);
                control.start();
                System.setProperty(
                        CONTROL, "http://127.0.0.1:" + control.getAddress().getPort());
                System.setProperty(PORT, Integer.toString(server.getLocalPort()));
                return server.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the SMTP relay", e);
            }
        }
    }

    /** The next {@code times} mails to {@code recipient} are refused at {@code RCPT TO} with {@code replyCode}. */
    static void refuseNext(String recipient, int replyCode, int times) {
        control("POST", "/refusals?to=" + encode(recipient) + "&code=" + replyCode + "&times=" + times);
    }

    /**
     * The next mail to {@code recipient} is taken in full, and its terminating dot reaches the server only {@code
     * hold} later: a server that stalls after the hand-over, whose reply is that late. The client has handed the mail
     * over; whether it waits for the reply is up to it.
     */
    static void holdReplyToNext(String recipient, Duration hold) {
        control("POST", "/reply-holds?to=" + encode(recipient) + "&millis=" + hold.toMillis());
    }

    /** The {@code Message-ID}s of the mails handed over for {@code recipient} (their dot was sent), oldest first. */
    static List<String> messageIds(String recipient) {
        String body = control("GET", "/message-ids?to=" + encode(recipient));
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    private static String control(String method, String pathAndQuery) {
        String base = System.getProperty(CONTROL);
        if (base == null) {
            throw new IllegalStateException("the SMTP relay does not run: declare SmtpRelayTestResource");
        }
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SMTP relay answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void handleRefusal(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        RULES.put(
                query.get("to").toLowerCase(Locale.ROOT),
                new int[] {Integer.parseInt(query.get("code")), Integer.parseInt(query.get("times"))});
        respond(exchange, "");
    }

    private static void handleReplyHold(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        REPLY_HOLDS.put(query.get("to").toLowerCase(Locale.ROOT), Long.parseLong(query.get("millis")));
        respond(exchange, "");
    }

    private static void handleMessageIds(HttpExchange exchange) throws IOException {
        String to = query(exchange).get("to").toLowerCase(Locale.ROOT);
        respond(exchange, String.join("\n", MESSAGE_IDS.getOrDefault(to, List.of())));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void accept(ServerSocket server, int upstreamPort) {
        while (true) {
            try {
                Socket client = server.accept();
                Thread connection = new Thread(() -> relay(client, upstreamPort), "smtp-relay-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void relay(Socket client, int upstreamPort) {
        try (client;
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            OutputStream toClient = client.getOutputStream();
            Thread answers = new Thread(() -> pump(upstream, toClient, client), "smtp-relay-answers");
            answers.setDaemon(true);
            answers.start();
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toUpstream = upstream.getOutputStream();
            boolean inData = false;
            String messageId = null;
            List<String> recipients = new ArrayList<>();
            byte[] line;
            while ((line = readLine(fromClient)) != null) {
                String text = new String(line, StandardCharsets.ISO_8859_1).strip();
                if (inData) {
                    if (text.equals(".")) {
                        inData = false;
                        handedOver(recipients, messageId);
                        recipients.clear();
                    } else if (messageId == null && text.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                        messageId = text.substring(11).strip();
                    }
                } else if (text.regionMatches(true, 0, "RCPT TO:", 0, 8)) {
                    String recipient = address(text.substring(8));
                    Integer refusal = takeRefusal(recipient);
                    if (refusal != null) {
                        String reply = refusal >= 500
                                ? refusal + " 5.1.1 mailbox unavailable (refused by the test)\r\n"
                                : refusal + " 4.2.1 mailbox busy, try again later (refused by the test)\r\n";
                        synchronized (toClient) {
                            toClient.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                            toClient.flush();
                        }
                        continue;
                    }
                    recipients.add(recipient);
                } else if (text.equalsIgnoreCase("DATA")) {
                    inData = true;
                    messageId = null;
                }
                toUpstream.write(line);
                toUpstream.flush();
            }
        } catch (IOException e) {
            // either side went away
        }
    }

    /**
     * The client sent the terminating dot: the mail is handed over. Counts it, then holds the dot back as long as a
     * reply hold for one of its recipients asks (the relay's connection thread plays the stalled server).
     */
    private static void handedOver(List<String> recipients, String messageId) {
        long hold = 0;
        for (String recipient : recipients) {
            MESSAGE_IDS
                    .computeIfAbsent(recipient, r -> new CopyOnWriteArrayList<>())
                    .add(messageId == null ? "(none)" : messageId);
            Long asked = REPLY_HOLDS.remove(recipient);
            hold = Math.max(hold, asked == null ? 0 : asked);
        }
        if (hold > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(hold);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Integer takeRefusal(String recipient) {
        Integer[] code = new Integer[1];
        RULES.computeIfPresent(recipient, (r, rule) -> {
            if (rule[1] <= 0) {
                return null;
            }
            code[0] = rule[0];
            return rule[1] == 1 ? null : new int[] {rule[0], rule[1] - 1};
        });
        return code[0];
    }

    private static String address(String argument) {
        String value = argument.strip();
        int open = value.indexOf('<');
        int close = value.indexOf('>');
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static void pump(Socket upstream, OutputStream toClient, Socket client) {
        try {
            InputStream in = upstream.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (toClient) {
                    toClient.write(buffer, 0, n);
                    toClient.flush();
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            try {
                client.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** One line including its line end, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }
}
