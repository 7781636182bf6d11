package io.clearname.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists every public path, with an example for each answer. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasExamplesForItsAnswers() {
        JsonPath openApi = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        assertThat(paths.keySet())
                .contains(
                        "/api/v1/review/cases",
                        "/api/v1/review/cases/{id}",
                        "/api/v1/review/cases/{id}/assignment",
                        "/api/v1/review/cases/{id}/decision",
                        "/api/v1/review/reason-codes",
                        "/api/v1/me/clearing-requests/{requestId}/audit",
                        "/api/v1/me/clearing-requests/{requestId}/complaints",
                        "/api/v1/review/cases/{id}/assignee",
                        "/api/v1/review/complaints",
                        "/api/v1/review/complaints/{complaintId}",
                        "/api/v1/review/complaints/{complaintId}/answer",
                        "/api/v1/review/appeals",
                        "/api/v1/review/appeals/{id}",
                        "/api/v1/review/appeals/{id}/assignment",
                        "/api/v1/review/appeals/{id}/assignee",
                        "/api/v1/review/appeals/{id}/decision");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses =
                    (Map<String, Map<String, Object>>) ((Map<String, Object>) operation).get("responses");
            assertThat(responses).as(method + " " + path).isNotEmpty();
            responses.forEach((status, response) -> {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                if (content != null) {
                    assertThat(content.values())
                            .as(method + " " + path + " " + status + " has examples")
                            .allSatisfy(media -> assertThat(media).containsKey("examples"));
                }
            });
        }));
        @SuppressWarnings("unchecked")
        var decision = (Map<String, Map<String, Object>>) (Object) paths.get("/api/v1/review/cases/{id}/decision");
        assertThat(((Map<String, Object>) decision.get("post").get("responses")).keySet())
                .containsAll(List.of("200", "400", "401", "403", "404", "409", "422"));
        @SuppressWarnings("unchecked")
        var appealDecision =
                (Map<String, Map<String, Object>>) (Object) paths.get("/api/v1/review/appeals/{id}/decision");
        assertThat(((Map<String, Object>) appealDecision.get("post").get("responses")).keySet())
                .containsAll(List.of("200", "401", "403", "404", "409", "422"));
        assertThat(openApi.getMap("components.securitySchemes").toString()).contains("bearer");
    }
}
