package io.clearname.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudNativePG {@code Cluster} resources, against {@code schemas/cnpg-cluster-v1.json}. CloudNativePG publishes its
 * CRDs only with its releases and Helm chart, in no registry this build reaches (Maven Central, npm, Debian), and no
 * Java model; so the schema is kept here, for exactly the fields the manifests use, written from CloudNativePG's API
 * reference. Unknown fields fail: add a field there, from that reference, before using it. The Kubernetes types a
 * Cluster embeds (metadata, resources, the storage size) are read into fabric8's model like every built-in object.
 */
final class CnpgModel {
    static final String GROUP = "postgresql.cnpg.io";

    private static final JsonSchema CLUSTER = load("/schemas/cnpg-cluster-v1.json");

    private CnpgModel() {}

    static List<String> check(Manifest manifest) {
        if (!manifest.apiVersion().equals(GROUP + "/v1") || !manifest.kind().equals("Cluster")) {
            return List.of(manifest.apiVersion() + " " + manifest.kind() + " is not CloudNativePG's v1 Cluster");
        }
        List<String> problems = new ArrayList<>();
        CLUSTER.validate(manifest.node()).forEach(message -> problems.add(message.getMessage()));
        // The Kubernetes types inside a Cluster, against the Kubernetes model like everywhere else.
        problems.addAll(TypedModel.check(manifest.node().path("metadata"), ObjectMeta.class, "v1"));
        JsonNode spec = manifest.node().path("spec");
        if (spec.has("resources")) {
            TypedModel.check(spec.get("resources"), ResourceRequirements.class, "v1")
                    .forEach(problem -> problems.add(".spec.resources" + problem));
        }
        if (spec.path("storage").has("size")) {
            TypedModel.check(spec.path("storage").get("size"), Quantity.class, "v1")
                    .forEach(problem -> problems.add(".spec.storage.size: " + problem));
        }
        return problems;
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = CnpgModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
