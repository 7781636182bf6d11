package io.clearname.local.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** JDK HttpClient + Jackson, the whole transport of {@link Mailbox} and {@link SmsOutbox}. */
final class HttpJson {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private HttpJson() {}

    static <T> List<T> getList(String baseUrl, String path, String to, Class<T> type) {
        String query = to == null ? "" : "?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(strip(baseUrl) + path + query))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        String body = send(request);
        JavaType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
        try {
            return MAPPER.readValue(body, listType);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from " + request.uri() + ": " + body, e);
        }
    }

    static JsonNode getObject(String baseUrl, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(strip(baseUrl) + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        String body = send(request);
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from " + request.uri() + ": " + body, e);
        }
    }

    static void post(String baseUrl, String path, Object json) {
        try {
            send(HttpRequest.newBuilder(URI.create(strip(baseUrl) + path))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(json)))
                    .build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(String baseUrl, String path) {
        send(HttpRequest.newBuilder(URI.create(strip(baseUrl) + path))
                .timeout(TIMEOUT)
                .DELETE()
                .build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String strip(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
