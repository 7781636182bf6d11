package io.clearname.deploy.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Kubernetes object of a rendered overlay (or of a base file), with where it came from. */
record Manifest(String source, ObjectNode node) {

    String apiVersion() {
        return node.path("apiVersion").asText();
    }

    String kind() {
        return node.path("kind").asText();
    }

    String name() {
        return node.path("metadata").path("name").asText();
    }

    String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    String version() {
        String apiVersion = apiVersion();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** How problems name this object: {@code Deployment/account-service (base/account-service/deployment.yaml)}. */
    String id() {
        return kind() + "/" + name() + " (" + source + ")";
    }

    Manifest copy() {
        return new Manifest(source, node.deepCopy());
    }
}
