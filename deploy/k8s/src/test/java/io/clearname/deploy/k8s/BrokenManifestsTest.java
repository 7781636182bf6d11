package io.clearname.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken manifest fails the build: each check is fed a copy of the manifests with one thing broken. */
class BrokenManifestsTest {

    // ------------------------------------------------------------------------------ the suite's rules

    @Test
    void missingReadinessProbeFails() {
        assertThat(rulesOfProdWith(
                        "Deployment", "account-service", d -> container(d).remove("readinessProbe")))
                .anyMatch(p -> p.contains("readinessProbe is missing"));
    }

    @Test
    void livenessProbeOnTheWrongPathFails() {
        assertThat(rulesOfProdWith(
                        "Deployment",
                        "verification-service",
                        d -> ((ObjectNode) container(d).path("livenessProbe").path("httpGet")).put("path", "/")))
                .anyMatch(p -> p.contains("livenessProbe must GET /q/health/live"));
    }

    @Test
    void missingMemoryLimitFails() {
        assertThat(rulesOfProdWith(
                        "Deployment",
                        "notification-service",
                        d -> ((ObjectNode) container(d).path("resources").path("limits")).remove("memory")))
                .anyMatch(p -> p.contains("resources.limits.memory is missing"));
    }

    @Test
    void rootUserFails() {
        assertThat(rulesOfProdWith(
                        "Deployment",
                        "account-service",
                        d -> ((ObjectNode) d.path("spec")
                                        .path("template")
                                        .path("spec")
                                        .path("securityContext"))
                                .put("runAsUser", 0)))
                .anyMatch(p -> p.contains("runAsUser must name a non-root user"));
    }

    @Test
    void writableRootFileSystemFails() {
        assertThat(rulesOfProdWith(
                        "Deployment",
                        "account-service",
                        d -> ((ObjectNode) container(d).path("securityContext")).put("readOnlyRootFilesystem", false)))
                .anyMatch(p -> p.contains("readOnlyRootFilesystem must be true"));
    }

    @Test
    void gracePeriodShorterThanTheShutdownFails() {
        assertThat(rulesOfProdWith(
                        "Deployment",
                        "account-service",
                        d -> ((ObjectNode) d.path("spec").path("template").path("spec"))
                                .put("terminationGracePeriodSeconds", 30)))
                .anyMatch(p -> p.contains("terminationGracePeriodSeconds 30 must exceed"));
    }

    @Test
    void missingTopicFails() {
        Manifests.Rendering prod = Renderings.copyOf("prod");
        List<Manifest> objects = prod.objects().stream()
                .filter(m -> !(m.kind().equals("KafkaTopic") && m.name().equals("user-notified.account-service.dlq")))
                .toList();

        assertThat(Invariants.check(objects, prod.outOfBand(), Invariants.Expectations.PROD))
                .anyMatch(p -> p.contains("KafkaTopic user-notified.account-service.dlq is missing"));
    }

    @Test
    void missingRequiredConfigurationKeyFails() {
        assertThat(rulesOfProdWith(
                        "ConfigMap",
                        "account-service-config",
                        c -> ((ObjectNode) c.path("data")).remove("KAFKA_BOOTSTRAP_SERVERS")))
                .anyMatch(p -> p.contains("KAFKA_BOOTSTRAP_SERVERS, which account-service requires"));
    }

    @Test
    void secretKeyMissingFromSecretsToCreateFails() {
        Manifests.Rendering prod = Renderings.copyOf("prod");
        for (Manifest secret : prod.outOfBand()) {
            if (secret.name().equals("account-service-secrets")) {
                ((ObjectNode) secret.node().path("stringData")).remove("id-fingerprint-pepper");
            }
        }

        assertThat(Invariants.check(prod.objects(), prod.outOfBand(), Invariants.Expectations.PROD))
                .anyMatch(p -> p.contains("has no key id-fingerprint-pepper"));
    }

    @Test
    void singleServiceReplicaInProdFails() {
        assertThat(rulesOfProdWith(
                        "HorizontalPodAutoscaler",
                        "account-service",
                        h -> ((ObjectNode) h.path("spec")).put("minReplicas", 1)))
                .anyMatch(p -> p.contains("minReplicas 1 below 2"));
    }

    @Test
    void topicWithTwoReplicasInProdFails() {
        assertThat(rulesOfProdWith(
                        "KafkaTopic", "audit-completed", t -> ((ObjectNode) t.path("spec")).put("replicas", 2)))
                .anyMatch(p -> p.contains("replicas 2, expected 3"));
    }

    @Test
    void contactPointsKeptLongerThanSevenDaysFail() {
        assertThat(rulesOfProdWith(
                        "KafkaTopic",
                        "clear-requested",
                        t -> ((ObjectNode) t.path("spec").path("config")).put("retention.ms", 30L * 24 * 3600 * 1000)))
                .anyMatch(p -> p.contains("keeps contact points longer than 7 days"));
    }

    @Test
    void topicKeptLongerThanTheInboxRemembersFails() {
        assertThat(rulesOfProdWith(
                        "KafkaTopic",
                        "audit-completed",
                        t -> ((ObjectNode) t.path("spec").path("config")).put("retention.ms", 30L * 24 * 3600 * 1000)))
                .anyMatch(p -> p.contains("account-service: inbox retention PT720H does not exceed audit-completed's"));
    }

    // ------------------------------------------------------------------------------ Strimzi's model

    @Test
    void misspelledStrimziFieldFails() {
        assertThat(modelOfProdWith("KafkaTopic", "clear-requested", t -> {
                    ObjectNode spec = (ObjectNode) t.path("spec");
                    spec.set("partitons", spec.remove("partitions"));
                }))
                .anyMatch(p -> p.contains(".spec.partitons: unknown field in KafkaTopicSpec"));
    }

    @Test
    void misspelledNestedStrimziFieldFails() {
        assertThat(modelOfProdWith(
                        "Kafka",
                        "clearname",
                        k -> ((ObjectNode) k.path("spec")
                                        .path("kafka")
                                        .path("listeners")
                                        .get(0))
                                .put("tsl", false)))
                .anyMatch(p -> p.contains("listeners[0].tsl: unknown field in GenericKafkaListener"));
    }

    @Test
    void unknownStrimziEnumValueFails() {
        assertThat(modelOfProdWith(
                        "Kafka",
                        "clearname",
                        k -> ((ObjectNode) k.path("spec")
                                        .path("kafka")
                                        .path("listeners")
                                        .get(0))
                                .put("type", "internall")))
                .anyMatch(p -> p.contains("listeners[0].type"));
    }

    @Test
    void unknownNodePoolRoleFails() {
        assertThat(modelOfProdWith(
                        "KafkaNodePool",
                        "broker",
                        pool -> ((ArrayNode) pool.path("spec").path("roles")).set(0, "brokers")))
                .anyMatch(p -> p.contains(".spec.roles[0]"));
    }

    @Test
    void wrongTypeInStrimziResourceFails() {
        assertThat(modelOfProdWith(
                        "KafkaTopic",
                        "audit-completed",
                        t -> ((ObjectNode) t.path("spec")).put("partitions", "twelve")))
                .anyMatch(p -> p.contains("not a valid KafkaTopic"));
    }

    @Test
    void strimziMinimumFails() {
        assertThat(modelOfProdWith(
                        "KafkaTopic", "audit-completed", t -> ((ObjectNode) t.path("spec")).put("partitions", 0)))
                .anyMatch(p -> p.contains(".spec.partitions: 0 is below the minimum 1"));
    }

    @Test
    void strimziFieldOfAnOlderApiVersionFails() {
        assertThat(modelOfProdWith(
                        "Kafka", "clearname", k -> ((ObjectNode) k.path("spec").path("kafka")).put("replicas", 3)))
                .anyMatch(p -> p.contains(".spec.kafka.replicas: exists only in API versions v1beta2"));
    }

    @Test
    void missingRequiredStrimziFieldFails() {
        assertThat(modelOfProdWith(
                        "KafkaNodePool", "broker", pool -> ((ObjectNode) pool.path("spec")).remove("storage")))
                .anyMatch(p -> p.contains(".spec.storage: required by KafkaNodePoolSpec but missing"));
    }

    // ------------------------------------------------------------------------------ Kubernetes' model

    @Test
    void misspelledKubernetesFieldFails() {
        assertThat(modelOfProdWith(
                        "Deployment",
                        "account-service",
                        d -> container(d).set("livenesProbe", container(d).remove("livenessProbe"))))
                .anyMatch(p -> p.contains("livenesProbe: unknown field in Container"));
    }

    @Test
    void invalidQuantityFails() {
        assertThat(modelOfProdWith(
                        "Deployment",
                        "account-service",
                        d -> ((ObjectNode) container(d).path("resources").path("limits")).put("memory", "768MB")))
                .anyMatch(p -> p.contains("\"768MB\" is not a quantity"));
    }

    @Test
    void wrongTypeInKubernetesObjectFails() {
        assertThat(modelOfProdWith(
                        "HorizontalPodAutoscaler",
                        "account-service",
                        h -> ((ObjectNode) h.path("spec")).put("maxReplicas", "twelve")))
                .anyMatch(p -> p.contains("not a valid HorizontalPodAutoscaler"));
    }

    @Test
    void unknownKindFails() {
        assertThat(modelOfProdWith("Deployment", "account-service", d -> d.put("apiVersion", "apps/v1beta1")))
                .anyMatch(p -> p.contains("apps/v1beta1/Deployment is none of the APIs this build has a model for"));
    }

    // ------------------------------------------------------------------------------ CloudNativePG

    @Test
    void misspelledCloudNativePgFieldFails() {
        assertThat(modelOfProdWith("Cluster", "account-db", c -> {
                    ObjectNode spec = (ObjectNode) c.path("spec");
                    spec.set("instance", spec.remove("instances"));
                }))
                .isNotEmpty()
                .anyMatch(p -> p.contains("instance"));
    }

    // ------------------------------------------------------------------------------ through kustomize

    @Test
    void overlayPatchRemovingAProbeFails(@TempDir Path tmp) throws IOException {
        Path prod = copyOfTheManifests(tmp).resolve("overlays/prod");
        Files.writeString(prod.resolve("no-readiness.yaml"), """
                - op: remove
                  path: /spec/template/spec/containers/0/readinessProbe
                """);
        Files.writeString(
                prod.resolve("kustomization.yaml"),
                Files.readString(prod.resolve("kustomization.yaml")).replace("patches:\n", """
                                patches:
                                  - path: no-readiness.yaml
                                    target:
                                      kind: Deployment
                                      name: verification-service
                                """));

        Manifests.Rendering rendering = Manifests.render("prod", prod);

        assertThat(Invariants.check(rendering.objects(), rendering.outOfBand(), Invariants.Expectations.PROD))
                .anyMatch(p -> p.contains("container verification-service: readinessProbe is missing"));
    }

    @Test
    void overlayPatchDroppingLimitsFails(@TempDir Path tmp) throws IOException {
        Path dev = copyOfTheManifests(tmp).resolve("overlays/dev");
        Files.writeString(dev.resolve("deployment-resources.yaml"), """
                - op: replace
                  path: /spec/template/spec/containers/0/resources
                  value:
                    requests:
                      cpu: 100m
                      memory: 384Mi
                """);

        Manifests.Rendering rendering = Manifests.render("dev", dev);

        assertThat(Invariants.check(rendering.objects(), rendering.outOfBand(), Invariants.Expectations.DEV))
                .anyMatch(p -> p.contains("resources.limits.memory is missing"));
    }

    @Test
    void overlayPatchOfAMisspeltFieldFailsTheModel(@TempDir Path tmp) throws IOException {
        Path dev = copyOfTheManifests(tmp).resolve("overlays/dev");
        // kustomize's replace adds a field the object lacks, so the misspelling reaches the rendering.
        Files.writeString(dev.resolve("postgres-single-instance.yaml"), """
                - op: replace
                  path: /spec/instancez
                  value: 1
                """);

        assertThat(Models.check(Manifests.render("dev", dev).objects()))
                .anyMatch(p -> p.startsWith("Cluster/account-db") && p.contains("instancez"));
    }

    @Test
    void overlayPatchRemovingAFieldTheBaseLacksFailsToRender(@TempDir Path tmp) throws IOException {
        Path dev = copyOfTheManifests(tmp).resolve("overlays/dev");
        Files.writeString(dev.resolve("postgres-single-instance.yaml"), """
                - op: remove
                  path: /spec/instancez
                """);

        Kubectl.required(); // without kubectl, skip (or fail under CI) here, not inside the assertion below
        assertThatThrownBy(() -> Manifests.render("dev", dev))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl kustomize")
                .hasMessageContaining("instancez");
    }

    // ------------------------------------------------------------------------------ helpers

    private static ObjectNode container(JsonNode deployment) {
        return (ObjectNode) deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    private static List<String> rulesOfProdWith(String kind, String name, Consumer<ObjectNode> breakIt) {
        Manifests.Rendering prod = Renderings.copyOf("prod");
        assertThat(Invariants.check(prod.objects(), prod.outOfBand(), Invariants.Expectations.PROD))
                .as("the unbroken prod overlay")
                .isEmpty();
        breakIt.accept(find(prod.objects(), kind, name).node());
        return Invariants.check(prod.objects(), prod.outOfBand(), Invariants.Expectations.PROD);
    }

    private static List<String> modelOfProdWith(String kind, String name, Consumer<ObjectNode> breakIt) {
        Manifest manifest = find(Renderings.copyOf("prod").objects(), kind, name);
        assertThat(Models.check(manifest)).as("the unbroken " + kind).isEmpty();
        breakIt.accept(manifest.node());
        return Models.check(manifest);
    }

    private static Manifest find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream()
                .filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kind + "/" + name + " not in the prod overlay"));
    }

    /** base/ and overlays/ in a directory of their own, to break. */
    private static Path copyOfTheManifests(Path tmp) throws IOException {
        copy(Manifests.K8S.resolve("base"), tmp.resolve("base"));
        copy(Manifests.K8S.resolve("overlays"), tmp.resolve("overlays"));
        return tmp;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
