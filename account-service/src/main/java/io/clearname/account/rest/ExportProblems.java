package io.clearname.account.rest;

import io.clearname.account.service.AccountProblems;
import io.clearname.account.service.ExportRateLimitedException;
import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The export's own refusal: 429 {@code export-rate-limited} with {@code Retry-After}, like the kit's rate limit. */
public class ExportProblems {

    @ServerExceptionMapper
    public Response rateLimited(ExportRateLimitedException e) {
        // Whole seconds, rounded up, so a client that waits exactly this long is not refused again.
        long retryAfter =
                Math.max(1, e.retryAfter().toSeconds() + (e.retryAfter().toNanosPart() > 0 ? 1 : 0));
        return Response.fromResponse(ProblemMappers.respond(Problem.of(
                                AccountProblems.EXPORT_RATE_LIMITED,
                                "At most " + e.limit() + " exports in 24 hours; retry after " + retryAfter
                                        + " seconds.")
                        .with("retryAfter", retryAfter)))
                .header(HttpHeaders.RETRY_AFTER, retryAfter)
                .build();
    }
}
