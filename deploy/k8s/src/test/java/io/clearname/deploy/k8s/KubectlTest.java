package io.clearname.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubectlTest {

    @Test
    void namingAKubectlThatDoesNotExistMeansRenderingWithoutIt() {
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
}
