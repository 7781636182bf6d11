package io.clearname.kit.deadletter;

import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Support's view of the records this service's consumers gave up on, in every service at the same path: list them,
 * inspect one (no payload value, no personal data), re-drive one to its source topic after the cause is fixed, or
 * discard one with a reason.
 */
@Path("/api/v1/admin/dead-letters")
@RolesAllowed("support")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final String LETTER_UNTIL_STATE = """
            {"id": "6f1c2b0e-3d4a-4b7e-9a51-2c8d7e6f5a40", "consumer": "clear-requested",
             "sourceTopic": "clear-requested", "sourcePartition": 3, "sourceOffset": 1187,
             "deadLetterTopic": "clear-requested.verification-service.dlq", "deadLetterPartition": 3,
             "deadLetterOffset": 12, "eventId": "0b6f5e5c-8a43-4f6e-b7d5-7b1f5c2f9e10",
             "ceType": "clearname.ClearRequested.v1", "subject": "9d8f7e6d-5c4b-4a39-8281-706f5e4d3c2b",
             "accountId": "4f3e2d1c-0b9a-4887-a665-544332211000",
             "reason": "ClearRequested payload is malformed at line 1, column 212",
             "exceptionClass": "io.clearname.events.MalformedEventException", "payloadBytes": 644,
             "payloadFields": ["requestId", "accountId", "requestedAt", "locale", "contact", "auditSnapshot"],
             "deadLetteredAt": "2026-12-07T08:15:02.114Z", """;
    private static final String LETTER =
            LETTER_UNTIL_STATE + "\"state\": \"OPEN\", \"resolvedAt\": null, \"resolvedBy\": null, \"note\": null}";
    private static final String REDRIVEN = LETTER_UNTIL_STATE
            + "\"state\": \"REDRIVEN\", \"resolvedAt\": \"2026-12-07T09:40:11.503Z\", \"resolvedBy\":"
            + " \"support-7\", \"note\": null}";
    private static final String DISCARDED = LETTER_UNTIL_STATE
            + "\"state\": \"DISCARDED\", \"resolvedAt\": \"2026-12-07T09:40:11.503Z\", \"resolvedBy\":"
            + " \"support-7\", \"note\": \"a test record sent by hand\"}";

    private static final String RESOLVED_PROBLEM = """
            {"type": "https://clearname.io/problems/dead-letter-resolved",
             "title": "The dead letter was already re-driven or discarded", "status": 409,
             "detail": "Dead letter 6f1c2b0e-3d4a-4b7e-9a51-2c8d7e6f5a40 is REDRIVEN"}""";

    /** A page of dead letters, oldest first. */
    public record DeadLetterList(List<DeadLetter> items) {}

    /** Why a dead letter is given up on; free text, masked before it is stored. */
    public record DiscardDeadLetterRequest(
            @NotBlank @Size(max = 500) String reason) {}

    private final DeadLetterStore store;
    private final DeadLetterActions actions;
    private final JsonWebToken token;

    public DeadLetterResource(DeadLetterStore store, DeadLetterActions actions, JsonWebToken token) {
        this.store = store;
        this.actions = actions;
        this.token = token;
    }

    @GET
    @Operation(summary = "The dead letters of this service's consumers, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "Dead letters in the state asked for",
            content = @Content(examples = @ExampleObject(name = "open", value = "{\"items\": [" + LETTER + "]}")))
    public DeadLetterList list(
            @QueryParam("state") @DefaultValue("OPEN") DeadLetter.State state,
            @QueryParam("consumer") String consumer,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit)
            throws SQLException {
        return new DeadLetterList(
                store.list(state, Optional.ofNullable(consumer).filter(c -> !c.isBlank()), limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter: where it came from, why it failed, the shape of its payload")
    @APIResponse(
            responseCode = "200",
            description = "The dead letter",
            content = @Content(examples = @ExampleObject(name = "open", value = LETTER)))
    public DeadLetter get(@PathParam("id") UUID id) throws SQLException {
        return store.find(id)
                .orElseThrow(() -> new ProblemException(ProblemType.Common.NOT_FOUND, "No dead letter " + id));
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Publish the record again to its source topic, once the cause is fixed")
    @APIResponse(
            responseCode = "200",
            description = "Re-driven",
            content = @Content(examples = @ExampleObject(name = "redriven", value = REDRIVEN)))
    @APIResponse(
            responseCode = "409",
            description = "Already re-driven or discarded, or no longer on its topic",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "dead-letter-resolved", value = RESOLVED_PROBLEM)))
    public DeadLetter redrive(@PathParam("id") UUID id) {
        return actions.redrive(id, token.getSubject());
    }

    @POST
    @Path("/{id}/discard")
    @Operation(summary = "Give the dead letter up, with a reason")
    @APIResponse(
            responseCode = "200",
            description = "Discarded",
            content = @Content(examples = @ExampleObject(name = "discarded", value = DISCARDED)))
    @APIResponse(
            responseCode = "409",
            description = "Already re-driven or discarded",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "dead-letter-resolved", value = RESOLVED_PROBLEM)))
    @Consumes(MediaType.APPLICATION_JSON)
    public DeadLetter discard(@PathParam("id") UUID id, @Valid @NotNull DiscardDeadLetterRequest request) {
        return actions.discard(id, token.getSubject(), request.reason());
    }
}
