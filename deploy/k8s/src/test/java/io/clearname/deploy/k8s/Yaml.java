package io.clearname.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Multi-document YAML in and out, as Jackson trees. */
final class Yaml {
    static final ObjectMapper MAPPER = new YAMLMapper();

    private Yaml() {}

    static List<JsonNode> documents(String text) {
        try (var parser = new YAMLFactory().createParser(text)) {
            List<JsonNode> documents = new ArrayList<>();
            for (var it = MAPPER.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(Path file) {
        return documents(read(file));
    }

    /** The objects of a manifest file: every document must be a mapping with apiVersion and kind. */
    static List<Manifest> manifests(Path file, String source) {
        List<Manifest> manifests = new ArrayList<>();
        for (JsonNode document : documents(file)) {
            if (!(document instanceof ObjectNode object)
                    || !document.hasNonNull("apiVersion")
                    || !document.hasNonNull("kind")) {
                throw new AssertionError(source + ": every document must be an object with apiVersion and kind");
            }
            manifests.add(new Manifest(source, object));
        }
        return manifests;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
