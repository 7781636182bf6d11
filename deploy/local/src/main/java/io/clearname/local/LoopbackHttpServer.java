package io.clearname.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A JDK HTTP server on 127.0.0.1 for the stubs, with the few helpers they share. */
final class LoopbackHttpServer {
    private static final Logger LOG = Logger.getLogger(LoopbackHttpServer.class.getName());

    /** A request handler that may throw; failures become a 500 problem. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor;

    LoopbackHttpServer(String name, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for " + name, e);
        }
        AtomicInteger threads = new AtomicInteger();
        // Not a fixed pool: a delayed response (SmsGatewayStub.delayNext) must not hold up other requests.
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
    }

    LoopbackHttpServer route(String path, Handler handler) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (InterruptedException e) {
                // stopping while a delayed answer waits
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.log(Level.FINE, "client of " + exchange.getRequestURI() + " went away", e);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "request " + exchange.getRequestURI() + " failed", e);
                try {
                    sendProblem(exchange, 500, "Internal Server Error", e.toString());
                } catch (IOException | RuntimeException ignored) {
                    // response already started or connection gone
                }
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    LoopbackHttpServer start() {
        server.start();
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Query parameters. A literal {@code +} stays a plus: the values here are phone numbers and e-mail addresses,
     * where it is meant as such far more often than as an encoded space.
     */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(decode(key), decode(value));
        }
        return parameters;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The {@code since} parameter of a counts query: {@link Instant#EPOCH} when absent, empty after answering 400 when
     * it is not an ISO-8601 instant.
     */
    static Optional<Instant> since(HttpExchange exchange) throws IOException {
        String value = query(exchange).get("since");
        try {
            return Optional.of(value == null ? Instant.EPOCH : Instant.parse(value));
        } catch (DateTimeParseException e) {
            sendProblem(exchange, 400, "Bad Request", "since must be an ISO-8601 instant");
            return Optional.empty();
        }
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", bytes(body));
    }

    /** An RFC 9457 problem, the error format of the real services. */
    static void sendProblem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, "application/problem+json", bytes(problem));
    }

    static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    private static byte[] bytes(Object body) throws IOException {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
