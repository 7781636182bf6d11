package io.clearname.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class KubectlTest {

    @Test
    void namingAKubectlThatDoesNotExistFindsNone() {
        String before = System.getProperty("clearname.kubectl");
        System.setProperty("clearname.kubectl", "/nonexistent/kubectl");
        try {
            assertThat(Kubectl.find()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty("clearname.kubectl");
            } else {
                System.setProperty("clearname.kubectl", before);
            }
        }
    }

    @Test
    void missingKubectlFailsACiBuild() {
        assertThatThrownBy(() -> Kubectl.stopWithoutKubectl(true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true and no kubectl")
                .hasMessageContaining("KUBECTL=");
    }

    @Test
    void missingKubectlOutsideCiSkipsSayingTheManifestsWereNotChecked() {
        assertThatThrownBy(() -> Kubectl.stopWithoutKubectl(false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("were NOT rendered or checked")
                .hasMessageContaining("install kubectl");
    }
}
