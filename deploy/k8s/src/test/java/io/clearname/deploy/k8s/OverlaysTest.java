package io.clearname.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay, rendered by kubectl's kustomize as users apply it, against the models and the suite's rules. */
class OverlaysTest {

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
}
