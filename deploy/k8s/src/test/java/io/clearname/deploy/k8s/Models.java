package io.clearname.deploy.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every object against the published model of its API: built-in kinds against fabric8's Kubernetes model
 * (kubernetes-model, generated from the Kubernetes OpenAPI schema), Strimzi's against Strimzi's own ({@code
 * io.strimzi:api}, the classes its CRDs are generated from), CloudNativePG's against {@link CnpgModel}. An API without a
 * model fails.
 */
final class Models {

    /** The built-in APIs the manifests may use: each is GA and served by Kubernetes 1.31 and later. */
    static final Map<String, Class<?>> KUBERNETES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/Namespace", Namespace.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    /** Strimzi's kinds in {@code kafka.strimzi.io/v1}, the only API version Strimzi 1.0 serves (0.49 on serve it). */
    static final Map<String, Class<?>> STRIMZI = Map.of(
            "kafka.strimzi.io/v1/Kafka", Kafka.class,
            "kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1/KafkaUser", KafkaUser.class);

    private Models() {}

    static List<String> check(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests) {
            check(manifest).forEach(problem -> problems.add(manifest.id() + " " + problem));
        }
        return problems;
    }

    static List<String> check(Manifest manifest) {
        String api = manifest.apiVersion() + "/" + manifest.kind();
        if (KUBERNETES.containsKey(api)) {
            return TypedModel.check(manifest.node(), KUBERNETES.get(api), manifest.version());
        }
        if (STRIMZI.containsKey(api)) {
            return TypedModel.check(manifest.node(), STRIMZI.get(api), manifest.version());
        }
        if (manifest.group().equals(CnpgModel.GROUP)) {
            return CnpgModel.check(manifest);
        }
        return List.of(api + " is none of the APIs this build has a model for: " + KUBERNETES.keySet() + ", "
                + STRIMZI.keySet() + ", " + CnpgModel.GROUP + "/v1/Cluster");
    }
}
