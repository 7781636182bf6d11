package io.clearname.kit.openapi;

import io.clearname.kit.problem.Problem;
import io.clearname.kit.problem.ProblemType;
import io.clearname.kit.problem.ProblemType.Common;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the errors every {@code /api/} operation can answer with, so each service's OpenAPI document lists them
 * with a problem+json example without repeating annotations on every method: 401 and 403 everywhere, 404 where the
 * path has a parameter, 400 and 422 where there is a request body, 500 everywhere. A response an operation documents
 * itself with a body is left as it is. Also adds the {@code Problem} schema and the bearer security scheme.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
        openAPI.getComponents()
                .addSecurityScheme(
                        BEARER,
                        OASFactory.createSecurityScheme()
                                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A JWT from the configured issuer; `sub` is the account id, `groups`"
                                        + " the roles (user, reviewer, support)."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/") || item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(operation -> document(path, operation));
        });
    }

    private static void document(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(
                    OASFactory.createSecurityRequirement().addScheme(BEARER));
        }
        var errors = new LinkedHashMap<ProblemType, Problem>();
        if (operation.getRequestBody() != null) {
            errors.put(Common.MALFORMED_REQUEST, Problem.of(Common.MALFORMED_REQUEST, "The body is not valid JSON."));
        }
        errors.put(
                Common.UNAUTHENTICATED,
                Problem.of(Common.UNAUTHENTICATED, "Send a valid bearer token in the Authorization header."));
        errors.put(Common.FORBIDDEN, Problem.of(Common.FORBIDDEN, "The token does not have the role this needs."));
        if (path.contains("{")) {
            errors.put(Common.NOT_FOUND, Problem.of(Common.NOT_FOUND, "No such resource."));
        }
        if (operation.getRequestBody() != null) {
            errors.put(
                    Common.VALIDATION_FAILED,
                    Problem.of(Common.VALIDATION_FAILED, "Invalid fields: email")
                            .with("errors", List.of(Map.of("field", "email", "message", "must be an email address"))));
        }
        errors.put(
                Common.INTERNAL_ERROR,
                Problem.of(Common.INTERNAL_ERROR, "Quote errorId 6f1d2c7e when you report this.")
                        .with("errorId", "6f1d2c7e"));
        errors.forEach((type, example) -> {
            var status = String.valueOf(type.status());
            var existing = operation.getResponses().getAPIResponse(status);
            if (existing == null) {
                operation.getResponses().addAPIResponse(status, problemResponse(type, example));
            } else if (existing.getContent() == null
                    || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                // Quarkus documents 400, 401 and 403 with a description only; say what the body is.
                existing.description(type.title())
                        .content(problemResponse(type, example).getContent());
            }
        });
    }

    /** A response documenting one problem type with an example body. */
    public static APIResponse problemResponse(ProblemType type, Problem example) {
        var media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                .addExample(
                        type.uri().substring(ProblemType.BASE.length()),
                        OASFactory.createExample().summary(type.title()).value(asMap(example)));
        return OASFactory.createAPIResponse()
                .description(type.title())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
    }

    private static Map<String, Object> asMap(Problem problem) {
        var map = new LinkedHashMap<String, Object>();
        map.put("type", problem.type());
        map.put("title", problem.title());
        map.put("status", problem.status());
        map.put("detail", problem.detail());
        map.putAll(problem.members());
        return map;
    }

    private static Schema problemSchema() {
        var string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; clients switch on `type`. Extension members such as"
                        + " `errors`, `blockers` or `missing` appear at the top level.")
                .addProperty("type", string.description("Stable URI of the kind of error (docs/problems.md)"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .required(List.of("type", "title", "status"));
    }
}
