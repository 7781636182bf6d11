package io.clearname.deploy.k8s;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CloudNativePG {@code Cluster} resources. CloudNativePG publishes no Java model, so they are checked against
 * {@code schemas/cnpg-cluster-v1.json}: the part of the v1 Cluster API the manifests use (and its common neighbours),
 * written from CloudNativePG's API reference. Unknown fields fail, so a field the schema lacks must be added to it
 * first, from that reference.
 */
final class CnpgModel {
    static final String GROUP = "postgresql.cnpg.io";

    private static final JsonSchema CLUSTER = load("/schemas/cnpg-cluster-v1.json");

    private CnpgModel() {}

    static List<String> check(Manifest manifest, boolean partial) {
        if (!manifest.apiVersion().equals(GROUP + "/v1") || !manifest.kind().equals("Cluster")) {
            return List.of(manifest.apiVersion() + " " + manifest.kind() + " is not CloudNativePG's v1 Cluster");
        }
        return CLUSTER.validate(manifest.node()).stream()
                .filter(message -> !partial || !message.getType().equals("required"))
                .map(ValidationMessage::getMessage)
                .toList();
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
