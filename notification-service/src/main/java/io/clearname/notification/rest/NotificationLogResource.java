package io.clearname.notification.rest;

import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import io.clearname.notification.service.NotificationLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Support's view of the delivery log of one clearing request. */
@Path("/api/v1/notifications")
@RolesAllowed("support")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationLogResource {

    private final NotificationLog log;

    public NotificationLogResource(NotificationLog log) {
        this.log = log;
    }

    @GET
    public List<DeliveryLogView> byRequest(@QueryParam("requestId") String requestId) {
        return log.listForRequest(parse(requestId)).stream()
                .map(DeliveryLogView::of)
                .toList();
    }

    /** Parsed here rather than by JAX-RS, which answers 404 to a query parameter it cannot convert. */
    private static UUID parse(String requestId) {
        try {
            if (requestId != null && !requestId.isBlank()) {
                return UUID.fromString(requestId.strip());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw new ProblemException(Problem.of(ProblemType.Common.VALIDATION_FAILED, "Invalid fields: requestId")
                .with("errors", List.of(Map.of("field", "requestId", "message", "must be a request id (UUID)"))));
    }
}
