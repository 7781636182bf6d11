package io.clearname.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay, rendered as users apply it, against the models and the suite's rules. */
class OverlaysTest {

    @BeforeAll
    static void sayWhenKubectlIsMissing() {
        if (Kubectl.find().isEmpty()) {
            Manifests.announce();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectFitsItsModel(String overlay) {
        Manifests.Rendering rendering = Renderings.of(overlay);

        assertThat(rendering.objects()).isNotEmpty();
        assertThat(Models.check(rendering.objects())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsToCreateFitTheSecretModel(String overlay) {
        List<Manifest> secrets = Renderings.of(overlay).outOfBand();

        assertThat(secrets).isNotEmpty().allMatch(secret -> secret.kind().equals("Secret"));
        assertThat(Models.check(secrets)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void renderedOverlayKeepsTheSuitesRules(String overlay) {
        Manifests.Rendering rendering = Renderings.of(overlay);

        assertThat(Invariants.check(rendering.objects(), rendering.outOfBand(), Invariants.Expectations.of(overlay)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ownRenderingMatchesKubectls(String overlay) {
        assumeTrue(Kubectl.find().isPresent(), "kubectl not found");

        assertThat(byId(Kustomize.render(Manifests.overlay(overlay))))
                .isEqualTo(byId(Renderings.of(overlay).objects()));
    }

    @Test
    void prodRunsThreeBrokersWithReplicationThreeAndTwoInSync() {
        Manifests.Rendering prod = Renderings.of("prod");
        int brokers = prod.objects().stream()
                .filter(m -> m.kind().equals("KafkaNodePool"))
                .filter(m -> m.node().path("spec").path("roles").toString().contains("broker"))
                .mapToInt(m -> m.node().path("spec").path("replicas").asInt())
                .sum();

        assertThat(brokers).isEqualTo(3);
        assertThat(prod.objects())
                .filteredOn(m -> m.kind().equals("KafkaTopic"))
                .allSatisfy(topic -> {
                    assertThat(topic.node().path("spec").path("replicas").asInt())
                            .isEqualTo(3);
                    assertThat(topic.node()
                                    .path("spec")
                                    .path("config")
                                    .path("min.insync.replicas")
                                    .asInt())
                            .isEqualTo(2);
                });
    }

    private static Map<String, JsonNode> byId(List<Manifest> manifests) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (Manifest m : manifests) {
            byId.put(
                    m.apiVersion() + " " + m.kind() + " "
                            + m.node().path("metadata").path("namespace").asText() + "/" + m.name(),
                    m.node());
        }
        return byId;
    }
}
