package io.clearname.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** JSON Patch (RFC 6902) operations add, replace and remove, as kustomize's patches apply them. */
final class JsonPatch {
    private JsonPatch() {}

    static void apply(JsonNode target, ArrayNode operations, String source) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            List<String> path = pointer(operation.path("path").asText());
            if (path.isEmpty()) {
                throw new AssertionError(source + ": a patch of the whole object is not supported");
            }
            JsonNode parent = resolve(target, path.subList(0, path.size() - 1), source);
            String last = path.get(path.size() - 1);
            switch (op) {
                case "add", "replace" -> set(parent, last, operation.get("value"), op.equals("add"), source);
                case "remove" -> remove(parent, last, source);
                default -> throw new AssertionError(source + ": operation " + op + " is not supported");
            }
        }
    }

    static List<String> pointer(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (!pointer.startsWith("/")) {
            throw new AssertionError("not a JSON pointer: " + pointer);
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode resolve(JsonNode node, List<String> path, String source) {
        JsonNode current = node;
        for (String token : path) {
            current = current.isArray() ? current.get(Integer.parseInt(token)) : current.get(token);
            if (current == null) {
                throw new AssertionError(source + ": path " + String.join("/", path) + " does not exist");
            }
        }
        return current;
    }

    private static void set(JsonNode parent, String key, JsonNode value, boolean add, String source) {
        if (value == null) {
            throw new AssertionError(source + ": " + (add ? "add" : "replace") + " without a value");
        }
        if (parent instanceof ObjectNode object) {
            if (!add && !object.has(key)) {
                throw new AssertionError(source + ": replace of " + key + ", which does not exist");
            }
            object.set(key, value.deepCopy());
        } else if (parent instanceof ArrayNode array) {
            if (key.equals("-")) {
                array.add(value.deepCopy());
            } else if (add) {
                array.insert(Integer.parseInt(key), value.deepCopy());
            } else {
                array.set(Integer.parseInt(key), value.deepCopy());
            }
        } else {
            throw new AssertionError(source + ": cannot set " + key + " in a scalar");
        }
    }

    private static void remove(JsonNode parent, String key, String source) {
        if (parent instanceof ObjectNode object && object.has(key)) {
            object.remove(key);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(key));
        } else {
            throw new AssertionError(source + ": remove of " + key + ", which does not exist");
        }
    }
}
