package io.clearname.account.rest;

import io.clearname.account.service.DataExports;
import io.clearname.kit.security.CurrentAccount;
import io.clearname.kit.security.RecentAuthenticationRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The person downloads everything the service keeps about their account, e.g. before clearing the real name. */
@Path("/api/v1/me")
@Tag(name = "Data export", description = "A copy of everything kept about the caller's account, the real name in full")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    private final DataExports exports;
    private final CurrentAccount me;

    public ExportResource(DataExports exports, CurrentAccount me) {
        this.exports = exports;
        this.me = me;
    }

    @GET
    @Path("/export")
    @Operation(
            summary = "Download the caller's data export",
            description = "A JSON file (format clearname-export/1) with the account, the legal name and ID number in"
                    + " full, document references, entitlements, clearing requests with timeline, receipt and"
                    + " revocations, and the notices. Needs a recent sign-in, like a submission. Repr-Digest (RFC 9530)"
                    + " is the SHA-256 of the exact bytes; the file is not kept, only its id, size and digest"
                    + " (GET /api/v1/me/exports). At most account.export.max-per-day (5) in any 24 hours.")
    @APIResponse(
            responseCode = "200",
            description = "The file, as an attachment named clearname-export-<yyyy-MM-dd>.json, with the headers"
                    + " Repr-Digest, X-Export-Id and Cache-Control: no-store",
            content = @Content(examples = @ExampleObject(name = "export", value = ApiExamples.EXPORT)))
    @APIResponse(
            responseCode = "401",
            description = "No valid token, or the person signed in longer ago than allowed: sign in again and retry",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(
                                            name = "insufficient-user-authentication",
                                            value = ApiExamples.STALE_AUTH)))
    @APIResponse(
            responseCode = "429",
            description = "The account downloaded its export too often in the last 24 hours; retry after the time"
                    + " given. Nothing is recorded.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(
                                            name = "export-rate-limited",
                                            value = ApiExamples.EXPORT_RATE_LIMITED)))
    @RecentAuthenticationRequired
    public Response export() {
        var file = exports.export(me.id());
        String date = file.exportedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return Response.ok(file.content(), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"clearname-export-" + date + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(file.sha256()) + ":")
                .header("X-Export-Id", file.exportId())
                .build();
    }

    @GET
    @Path("/exports")
    @Operation(
            summary = "The caller's past data exports, newest first",
            description = "Each export's id (X-Export-Id), time, size in bytes and SHA-256 in lowercase hex, so a"
                    + " downloaded file can be checked later (e.g. with sha256sum).")
    @APIResponse(
            responseCode = "200",
            description = "The exports",
            content = @Content(examples = @ExampleObject(name = "one export", value = ApiExamples.EXPORTS)))
    public List<ExportView> list() {
        return exports.list(me.id()).stream().map(ExportView::of).toList();
    }

    /** A past export: {@code sha256} is the lowercase hex SHA-256 of the file's bytes. */
    public record ExportView(java.util.UUID exportId, java.time.Instant exportedAt, long sizeBytes, String sha256) {
        static ExportView of(DataExports.ExportRecord record) {
            return new ExportView(record.exportId(), record.exportedAt(), record.sizeBytes(), record.sha256());
        }
    }
}
