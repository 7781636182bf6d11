package io.clearname.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemType;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is larger than {@code clearname.http.max-body-size} (default 64 KiB: clearname
 * bodies are small JSON documents) with a 413 problem detail, before the body is read. A body without a declared
 * length is cut at {@code quarkus.http.limits.max-body-size} by Quarkus itself (1M, set by the kit), which answers 413
 * without a body.
 */
@ApplicationScoped
public class HttpFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBodySize;

    public HttpFailures(
            @ConfigProperty(name = "clearname.http.max-body-size", defaultValue = "65536") long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length == null || !tooLarge(length)) {
                context.next();
                return;
            }
            var problem = Problem.of(
                    ProblemType.Common.PAYLOAD_TOO_LARGE, "Send a body of at most " + maxBodySize + " bytes.");
            try {
                context.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("Connection", "close")
                        .end(JSON.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.fail(413);
            }
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
