package io.clearname.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The operations a running service documents in {@code /q/openapi}, as {@code "METHOD /path/{param}"}. */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiOperations() {}

    static Set<String> of(Suite suite, Service service) {
        Http.Answer document = Http.call(suite.url(service), "GET", "/q/openapi?format=json", null, null, Map.of());
        assertThat(document.status())
                .as("%s /q/openapi: %s", service, document.body())
                .isEqualTo(200);
        var operations = new TreeSet<String>();
        JsonNode paths = Clearings.read(document).path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }
}
