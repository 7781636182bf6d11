package io.clearname.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.clearname.kit.ratelimit.RateLimitedException;
import io.clearname.kit.security.StaleAuthenticationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure of a REST call to {@code application/problem+json}. No stack trace, exception message or input
 * value reaches a response; unexpected errors get an opaque {@code errorId} that is also in the log line.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", fieldOf(v), "message", v.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> m) -> m.get("field")))
                .toList();
        String fields = String.join(
                ", ", errors.stream().map(m -> m.get("field")).distinct().toList());
        return respond(Problem.of(ProblemType.Common.VALIDATION_FAILED, "Invalid fields: " + fields)
                .with("errors", errors));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String at = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        String why = e instanceof UnrecognizedPropertyException unknown
                ? ": unknown field " + fieldName(unknown.getPropertyName())
                : "";
        return respond(Problem.of(ProblemType.Common.MALFORMED_REQUEST, "The body could not be read" + at + why));
    }

    /** Also for the subtypes Quarkus maps on its own (a wrong type, an unknown field), which would answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    /** A field name from the request, quoted only when it looks like one (it is input, so never echo free text). */
    private static String fieldName(String name) {
        return name != null && name.matches("[A-Za-z][A-Za-z0-9_]{0,63}") ? "'" + name + "'" : "(not shown)";
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(Problem.of(ProblemType.Common.UNAUTHENTICATED, "Sign in again.")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** RFC 9470 step-up challenge: the client re-authenticates the person, then retries. */
    @ServerExceptionMapper
    public Response staleAuthentication(StaleAuthenticationException e) {
        long maxAge = e.maxAge().toSeconds();
        return Response.fromResponse(respond(Problem.of(
                                ProblemType.Common.INSUFFICIENT_USER_AUTHENTICATION,
                                "Sign in again: this action needs a sign-in within the last " + maxAge + " seconds.")
                        .with("maxAge", maxAge)))
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_user_authentication\", error_description=\"A more recent"
                                + " authentication is required\", max_age=" + maxAge)
                .build();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        long retryAfter =
                Math.max(1, e.retryAfter().toSeconds() + (e.retryAfter().toMillisPart() > 0 ? 1 : 0));
        return Response.fromResponse(respond(Problem.of(
                                ProblemType.Common.RATE_LIMITED,
                                "At most " + e.limit() + " per " + e.window().toMinutes() + " minutes; retry after "
                                        + retryAfter + " seconds.")
                        .with("retryAfter", retryAfter)))
                .header(HttpHeaders.RETRY_AFTER, retryAfter)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.Common.FORBIDDEN, "This role cannot use this resource."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ProblemType type;
        if (e instanceof NotFoundException) {
            type = ProblemType.Common.NOT_FOUND;
        } else if (e instanceof NotAllowedException) {
            type = ProblemType.Common.METHOD_NOT_ALLOWED;
        } else if (e instanceof NotSupportedException) {
            type = ProblemType.Common.UNSUPPORTED_MEDIA_TYPE;
        } else if (e instanceof NotAcceptableException) {
            type = ProblemType.Common.NOT_ACCEPTABLE;
        } else if (e instanceof NotAuthorizedException) {
            type = ProblemType.Common.UNAUTHENTICATED;
        } else if (status >= 400 && status < 500) {
            type = ProblemType.Common.MALFORMED_REQUEST;
        } else {
            return unexpected(e);
        }
        return respond(Problem.of(type, type.title() + "."));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", errorId);
        return respond(Problem.of(ProblemType.Common.INTERNAL_ERROR, "Try again later; quote the errorId to support.")
                .with("errorId", errorId));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** {@code bind.request.idNumber} -> {@code idNumber}: the path inside the request body, as the client knows it. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .toList();
        var inside = nodes.stream()
                .dropWhile(n -> n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.PARAMETER)
                .map(Path.Node::getName)
                .filter(name -> name != null && !name.isBlank())
                .toList();
        if (!inside.isEmpty()) {
            return String.join(".", inside);
        }
        return nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1).getName();
    }
}
