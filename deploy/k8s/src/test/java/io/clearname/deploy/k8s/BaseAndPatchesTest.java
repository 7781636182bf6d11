package io.clearname.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The base and each overlay patch on their own, which needs no kubectl: what a build without it still checks. */
class BaseAndPatchesTest {

    @Test
    void baseObjectsFitTheirModels() {
        List<Manifest> base = Kustomize.render(Manifests.BASE);

        assertThat(base).isNotEmpty();
        assertThat(Models.check(base)).isEmpty();
    }

    @Test
    void baseKeepsTheSuitesRules() {
        assertThat(Invariants.check(Kustomize.render(Manifests.BASE), List.of(), Invariants.Expectations.BASE))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayResourcesFitTheirModels(String overlay) {
        Kustomize.Kustomization k = Kustomize.read(Manifests.overlay(overlay));

        assertThat(Models.check(k.ownResources())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPatchFitsItsModelAndRemovesNothingRequired(String overlay) {
        assertThat(Patches.check(overlay)).isEmpty();
    }
}
