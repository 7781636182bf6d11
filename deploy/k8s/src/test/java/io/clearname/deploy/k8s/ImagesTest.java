package io.clearname.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The manifests run the images that quarkus-container-image-jib builds, by the same name and tag. */
class ImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"account-service", "verification-service", "notification-service"})
    void baseDeploymentNamesTheImageJibBuilds(String service) {
        Manifest deployment = Manifests.kustomize(Manifests.BASE).stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals(service))
                .findFirst()
                .orElseThrow();
        JsonNode container = deployment
                .node()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);

        assertThat(container.path("image").asText())
                .isEqualTo(ServiceConfig.of(service).image());
        assertThat(ServiceConfig.of(service).image())
                .isEqualTo("clearname/" + service + ":" + ServiceConfig.projectVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"account-service", "verification-service", "notification-service"})
    void serviceBuildsItsImageWithJib(String service) throws Exception {
        String pom = Files.readString(Manifests.ROOT.resolve(service).resolve("pom.xml"));

        assertThat(pom).contains("<artifactId>quarkus-container-image-jib</artifactId>");
        assertThat(ServiceConfig.of(service).properties().getProperty("quarkus.container-image.group"))
                .isEqualTo("clearname");
    }

    @Test
    void imageTarballProfileHandsJibsImageToTheStandIn() throws Exception {
        String pom = Files.readString(Manifests.ROOT.resolve("pom.xml"));

        assertThat(pom)
                .contains("<id>image-tarball</id>")
                .contains("<quarkus.container-image.build>true</quarkus.container-image.build>")
                .contains("/deploy/k8s/jib-tarball</quarkus.jib.docker-executable-name>");
        assertThat(Files.isExecutable(Manifests.K8S.resolve("jib-tarball"))).isTrue();
    }
}
