package io.clearname.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The base on its own: production-shaped, so it keeps the suite's rules before any overlay touches it. */
class BaseTest {

    @Test
    void baseObjectsFitTheirModels() {
        List<Manifest> base = Manifests.kustomize(Manifests.BASE);

        assertThat(base).isNotEmpty();
        assertThat(Models.check(base)).isEmpty();
    }

    @Test
    void baseKeepsTheSuitesRules() {
        assertThat(Invariants.check(Manifests.kustomize(Manifests.BASE), List.of(), Invariants.Expectations.BASE))
                .isEmpty();
    }
}
