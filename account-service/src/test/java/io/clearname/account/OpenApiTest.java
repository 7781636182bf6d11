package io.clearname.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document clients are given lists every endpoint of the design, each answer with an example. */
@QuarkusTest
class OpenApiTest {

    private JsonNode document;

    @BeforeEach
    void fetchDocument() throws Exception {
        String json = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void documentsEveryEndpointOfThePublicInterface() {
        var expected = Map.of(
                "/api/v1/me/real-name", List.of("get", "put"),
                "/api/v1/me/real-name/clearing/preflight", List.of("get"),
                "/api/v1/me/real-name/clearing", List.of("post"),
                "/api/v1/me/clearing-requests", List.of("get"),
                "/api/v1/me/clearing-requests/{id}", List.of("get"),
                "/api/v1/me/clearing-requests/{id}/withdrawal", List.of("post"),
                "/api/v1/me/export", List.of("get"),
                "/api/v1/me/exports", List.of("get"),
                "/api/v1/admin/accounts", List.of("post"),
                "/api/v1/admin/accounts/{id}", List.of("get", "patch"));

        expected.forEach(
                (path, methods) -> assertThat(document.path("paths").path(path).has(methods.get(0)))
                        .as("%s %s", methods, path)
                        .isTrue());
        expected.forEach((path, methods) -> methods.forEach(
                method -> assertThat(document.path("paths").path(path).has(method))
                        .as("%s %s", method, path)
                        .isTrue()));
    }

    @Test
    void everyAnswerOfEveryOperationHasAnExample() {
        var missing = new ArrayList<String>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue()
                    .fields()
                    .forEachRemaining(operation -> operation
                            .getValue()
                            .path("responses")
                            .fields()
                            .forEachRemaining(response -> {
                                if (!hasExample(response.getValue())) {
                                    missing.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                                }
                            }));
        });

        assertThat(missing).as("answers without an example").isEmpty();
    }

    @Test
    void submissionDocumentsItsErrorsAsProblemDetails() {
        var responses = document.at("/paths/~1api~1v1~1me~1real-name~1clearing/post/responses");

        assertThat(fieldNames(responses)).contains("202", "400", "401", "403", "409", "422", "500");
        assertThat(responses
                        .at("/409/content/application~1problem+json/examples")
                        .has("clearing-blocked"))
                .isTrue();
        assertThat(responses
                        .at("/422/content/application~1problem+json/examples")
                        .has("acknowledgements-missing"))
                .isTrue();
        assertThat(document.at("/components/schemas/Problem/required").toString())
                .contains("type", "title", "status");
    }

    @Test
    void preflightDocumentsItsLanguageParameter() {
        var parameters = document.at("/paths/~1api~1v1~1me~1real-name~1clearing~1preflight/get/parameters");

        assertThat(parameters.findValuesAsText("name")).contains("lang");
        assertThat(parameters.findValuesAsText("in")).contains("query");
    }

    @Test
    void exportDocumentsItsStepUpAndItsOwnRateLimit() {
        var responses = document.at("/paths/~1api~1v1~1me~1export/get/responses");

        assertThat(fieldNames(responses)).contains("200", "401", "403", "429", "500");
        assertThat(responses
                        .at("/429/content/application~1problem+json/examples")
                        .has("export-rate-limited"))
                .isTrue();
        assertThat(responses
                        .at("/401/content/application~1problem+json/examples")
                        .has("insufficient-user-authentication"))
                .isTrue();
    }

    private static boolean hasExample(JsonNode response) {
        var found = new boolean[] {false};
        response.path("content").forEach(media -> {
            if (media.has("example") || media.path("examples").size() > 0) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
