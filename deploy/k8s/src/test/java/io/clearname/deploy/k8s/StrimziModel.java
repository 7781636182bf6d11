package io.clearname.deploy.k8s;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Strimzi custom resources, checked against Strimzi's own typed model ({@code io.strimzi:api}, the classes its CRDs are
 * generated from): unknown or misspelt fields, enum values, types, and the constraints of the API version used.
 */
final class StrimziModel {
    static final String GROUP = "kafka.strimzi.io";

    /** The API version the manifests use: v1, the only one Strimzi 1.0 serves (0.49 and later serve it too). */
    static final String VERSION = "v1";

    static final Map<String, Class<?>> KINDS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);

    private StrimziModel() {}

    static List<String> check(Manifest manifest, boolean partial) {
        Class<?> type = KINDS.get(manifest.kind());
        if (type == null) {
            return List.of(manifest.kind() + " is not a Strimzi kind this build checks: " + KINDS.keySet());
        }
        List<String> problems = new ArrayList<>();
        if (!manifest.version().equals(VERSION)) {
            problems.add(".apiVersion: " + manifest.apiVersion() + " (use " + GROUP + "/" + VERSION + ")");
        }
        problems.addAll(TypedModel.check(manifest.node(), type, manifest.version(), partial));
        return problems;
    }
}
