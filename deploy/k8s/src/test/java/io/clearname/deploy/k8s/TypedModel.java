package io.clearname.deploy.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strimzi.crdgenerator.annotations.Maximum;
import io.strimzi.crdgenerator.annotations.Minimum;
import io.strimzi.crdgenerator.annotations.Pattern;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a manifest against a typed model (fabric8's Kubernetes classes, Strimzi's custom resource classes) the way an
 * API server with a structural schema would reject it, but strictly:
 *
 * <ul>
 *   <li>types: no coercion, a string where a number belongs fails;
 *   <li>unknown fields: both models keep unknown fields in an "additional properties" map instead of failing, so the
 *       object graph is walked and any field that landed there is reported;
 *   <li>enum values: an unknown value either fails to read or is read as null (Strimzi's enums), so the object is
 *       written back and every input value must come out unchanged;
 *   <li>Strimzi's own constraints (minimum, maximum, pattern, required, present in this API version), read from the
 *       annotations compiled into its classes.
 * </ul>
 *
 * A partial object (a kustomize patch) is checked the same way, except for required fields.
 */
final class TypedModel {
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final String apiVersion;
    private final boolean partial;
    private final List<String> problems = new ArrayList<>();

    private TypedModel(String apiVersion, boolean partial) {
        this.apiVersion = apiVersion;
        this.partial = partial;
    }

    /**
     * @param version the resource's API version (e.g. {@code v1}), which Strimzi's versioned constraints depend on
     * @return the problems, each starting with the JSON path; empty when the object fits the model
     */
    static List<String> check(JsonNode input, Class<?> type, String version, boolean partial) {
        TypedModel model = new TypedModel(version, partial);
        Object value;
        try {
            value = STRICT.treeToValue(input, type);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            int newline = message.indexOf('\n');
            return List.of("not a valid " + type.getSimpleName() + ": "
                    + (newline < 0 ? message : message.substring(0, newline)));
        }
        JsonNode written = STRICT.valueToTree(value);
        // apiVersion and kind select the class; the caller checks them.
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("apiVersion") && !field.getKey().equals("kind")) {
                model.compare(field.getValue(), written.get(field.getKey()), "." + field.getKey());
            }
        }
        model.walk(input, value, "");
        return model.problems;
    }

    /** Every value written must come back unchanged from the typed object: what does not was not understood. */
    private void compare(JsonNode in, JsonNode out, String path) {
        if (in == null || in.isNull()) {
            return;
        }
        if (in.isObject()) {
            if (out == null || !out.isObject()) {
                if (!in.isEmpty()) {
                    problems.add(at(path) + "not accepted by the model");
                }
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(field.getValue(), out.get(field.getKey()), path + "." + field.getKey());
            }
        } else if (in.isArray()) {
            if (out == null || !out.isArray() || out.size() != in.size()) {
                if (!in.isEmpty()) {
                    problems.add(at(path) + "list not accepted by the model");
                }
                return;
            }
            for (int i = 0; i < in.size(); i++) {
                compare(in.get(i), out.get(i), path + "[" + i + "]");
            }
        } else if (out == null || out.isNull()) {
            // Some properties are written only when they differ from their default (Strimzi's deleteClaim).
            boolean defaultValue = in.isBoolean() && !in.asBoolean() || in.isNumber() && in.asDouble() == 0;
            if (!defaultValue) {
                problems.add(at(path) + "value " + in + " is not one the model accepts");
            }
        } else if (!in.asText().equals(out.asText())) {
            problems.add(at(path) + "value " + in + " is read as " + out);
        }
    }

    /** Walks input and typed object side by side: unknown fields and Strimzi's constraints. */
    private void walk(JsonNode in, Object value, String path) {
        if (value == null || in == null) {
            return;
        }
        if (in.isArray() && value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                if (i < in.size()) {
                    walk(in.get(i), item, path + "[" + i + "]");
                }
                i++;
            }
            return;
        }
        if (!in.isObject() || value instanceof Map<?, ?> || !isModel(value.getClass())) {
            return;
        }
        Map<String, Object> additional = additionalProperties(value);
        Map<String, BeanPropertyDefinition> properties = properties(value.getClass());
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String fieldPath = path + "." + name;
            BeanPropertyDefinition property = properties.get(name);
            if (property == null && typeIdProperty(value.getClass()).equals(name)) {
                continue;
            }
            if (additional.containsKey(name) || property == null) {
                if (!path.isEmpty() || !(name.equals("apiVersion") || name.equals("kind"))) {
                    problems.add(at(fieldPath) + "unknown field in "
                            + value.getClass().getSimpleName());
                }
                continue;
            }
            constraints(property, field.getValue(), fieldPath);
            walk(field.getValue(), read(property, value), fieldPath);
        }
        if (!partial) {
            for (BeanPropertyDefinition property : properties.values()) {
                if (!in.has(property.getName()) && required(property)) {
                    problems.add(at(path + "." + property.getName()) + "required by "
                            + value.getClass().getSimpleName() + " but missing");
                }
            }
        }
    }

    private void constraints(BeanPropertyDefinition property, JsonNode value, String path) {
        annotation(property, PresentInVersions.class)
                .filter(present -> !ApiVersions.contains(present.value(), apiVersion))
                .ifPresent(present -> problems.add(
                        at(path) + "exists only in API versions " + present.value() + ", not in " + apiVersion));
        if (value.isNumber()) {
            annotation(property, Minimum.class)
                    .filter(min -> value.asLong() < min.value())
                    .ifPresent(min -> problems.add(at(path) + value + " is below the minimum " + min.value()));
            annotation(property, Maximum.class)
                    .filter(max -> value.asLong() > max.value())
                    .ifPresent(max -> problems.add(at(path) + value + " is above the maximum " + max.value()));
        }
        if (value.isTextual()) {
            for (Pattern pattern : annotations(property, Pattern.class)) {
                if (ApiVersions.contains(pattern.apiVersions(), apiVersion)
                        && !java.util.regex.Pattern.compile(pattern.value())
                                .matcher(value.asText())
                                .find()) {
                    problems.add(at(path) + value + " does not match " + pattern.value());
                }
            }
        }
    }

    private boolean required(BeanPropertyDefinition property) {
        if (annotation(property, RequiredInVersions.class)
                .map(r -> ApiVersions.contains(r.value(), apiVersion))
                .orElse(false)) {
            return true;
        }
        return annotation(property, JsonProperty.class)
                .map(JsonProperty::required)
                .orElse(false);
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.strimzi.") || name.startsWith("io.fabric8.");
    }

    /** The discriminator of a polymorphic model ({@code type} of Strimzi's storage, listeners...), or "". */
    private static String typeIdProperty(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            JsonTypeInfo info = c.getAnnotation(JsonTypeInfo.class);
            if (info != null) {
                return info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
            }
        }
        return "";
    }

    private static Object read(BeanPropertyDefinition property, Object owner) {
        AnnotatedMember accessor = property.getAccessor();
        if (accessor == null) {
            return null;
        }
        accessor.fixAccess(true);
        try {
            return accessor.getValue(owner);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> additionalProperties(Object value) {
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            Object map = getter.invoke(value);
            return map instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<Class<?>, Map<String, BeanPropertyDefinition>> PROPERTIES = new HashMap<>();

    private static synchronized Map<String, BeanPropertyDefinition> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            JavaType javaType = STRICT.constructType(t);
            // Properties set through a constructor (Strimzi's Rack) are found on the serialization side only.
            Map<String, BeanPropertyDefinition> byName = new HashMap<>();
            for (BeanPropertyDefinition property :
                    STRICT.getSerializationConfig().introspect(javaType).findProperties()) {
                byName.put(property.getName(), property);
            }
            for (BeanPropertyDefinition property :
                    STRICT.getDeserializationConfig().introspect(javaType).findProperties()) {
                byName.putIfAbsent(property.getName(), property);
            }
            return byName;
        });
    }

    private static <A extends Annotation> Optional<A> annotation(BeanPropertyDefinition property, Class<A> type) {
        List<A> found = annotations(property, type);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Annotations on the getter, setter or field, read by plain reflection (Jackson keeps only its own). */
    private static <A extends Annotation> List<A> annotations(BeanPropertyDefinition property, Class<A> type) {
        List<A> found = new ArrayList<>();
        for (AnnotatedMember member :
                new AnnotatedMember[] {property.getGetter(), property.getSetter(), property.getField()}) {
            if (member != null && member.getAnnotated() != null) {
                AnnotatedElement element = member.getAnnotated();
                found.addAll(List.of(element.getAnnotationsByType(type)));
            }
        }
        return found;
    }

    private static String at(String path) {
        return (path.isEmpty() ? "." : path) + ": ";
    }
}
