package io.clearname.deploy.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.Quantity;
import io.strimzi.crdgenerator.annotations.Maximum;
import io.strimzi.crdgenerator.annotations.Minimum;
import io.strimzi.crdgenerator.annotations.Pattern;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a manifest into a typed model (fabric8's Kubernetes classes, Strimzi's custom resource classes) strictly, the
 * way an API server with a structural schema rejects what it does not know:
 *
 * <ul>
 *   <li>unknown fields: both models would keep them in an "additional properties" map, so that map is switched off and
 *       Jackson rejects them;
 *   <li>types: no coercion, a string where a number belongs fails; quantities are parsed by fabric8's {@link Quantity};
 *   <li>enum values: Strimzi reads an unknown value as null, so the object is written back and every value must come
 *       out as it went in;
 *   <li>Strimzi's own constraints (minimum, maximum, pattern, required, present in this API version), read from the
 *       annotations compiled into its classes.
 * </ul>
 */
final class TypedModel {
    static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new StrictIntrospector())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final String apiVersion;
    private final List<String> problems = new ArrayList<>();

    private TypedModel(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /**
     * @param version the resource's API version (e.g. {@code v1}), which Strimzi's versioned constraints depend on
     * @return the problems, each naming the JSON path; empty when the object fits the model
     */
    static List<String> check(JsonNode input, Class<?> type, String version) {
        Object value;
        try {
            value = STRICT.treeToValue(input, type);
        } catch (UnrecognizedPropertyException e) {
            return List.of(
                    path(e) + ": unknown field in " + e.getReferringClass().getSimpleName());
        } catch (JsonMappingException e) {
            return List.of("not a valid " + type.getSimpleName() + ": " + path(e) + ": " + firstLine(e));
        } catch (IOException e) {
            return List.of("not a valid " + type.getSimpleName() + ": " + firstLine(e));
        }
        TypedModel model = new TypedModel(version);
        JsonNode written = STRICT.valueToTree(value);
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            // apiVersion and kind chose the class; Strimzi's classes write their own default version back.
            if (!field.getKey().equals("apiVersion") && !field.getKey().equals("kind")) {
                model.compare(field.getValue(), written.get(field.getKey()), "." + field.getKey());
            }
        }
        model.constraints(input, value, "");
        return model.problems;
    }

    /** Every value written must come back unchanged from the typed object: what does not was not understood. */
    private void compare(JsonNode in, JsonNode out, String path) {
        if (in == null || in.isNull()) {
            return;
        }
        if (in.isObject() && out != null && out.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(field.getValue(), out.get(field.getKey()), path + "." + field.getKey());
            }
        } else if (in.isArray() && out != null && out.isArray() && out.size() == in.size()) {
            for (int i = 0; i < in.size(); i++) {
                compare(in.get(i), out.get(i), path + "[" + i + "]");
            }
        } else if (in.isContainerNode()) {
            if (!in.isEmpty()) {
                problems.add(path + ": not accepted by the model");
            }
        } else if (out == null || out.isNull()) {
            // Some properties are written only when they differ from their default (Strimzi's deleteClaim).
            boolean defaultValue = in.isBoolean() && !in.asBoolean() || in.isNumber() && in.asDouble() == 0;
            if (!defaultValue) {
                problems.add(path + ": value " + in + " is not one the model accepts");
            }
        } else if (!in.asText().equals(out.asText())) {
            problems.add(path + ": value " + in + " is read as " + out);
        }
    }

    /** Walks input and typed object side by side, checking the constraints Strimzi annotates its properties with. */
    private void constraints(JsonNode in, Object value, String path) {
        if (value == null || in == null) {
            return;
        }
        if (in.isArray() && value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                constraints(in.get(i), item, path + "[" + i + "]");
                i++;
            }
            return;
        }
        if (!in.isObject() || !value.getClass().getName().startsWith("io.strimzi.")) {
            return;
        }
        List<BeanPropertyDefinition> properties = STRICT.getSerializationConfig()
                .introspect(STRICT.constructType(value.getClass()))
                .findProperties();
        for (BeanPropertyDefinition property : properties) {
            String propertyPath = path + "." + property.getName();
            JsonNode field = in.get(property.getName());
            if (field == null) {
                if (required(property)) {
                    problems.add(
                            propertyPath + ": required by " + value.getClass().getSimpleName() + " but missing");
                }
                continue;
            }
            check(property, field, propertyPath);
            AnnotatedMember getter = property.getAccessor();
            if (getter != null) {
                getter.fixAccess(true);
                constraints(field, getter.getValue(value), propertyPath);
            }
        }
    }

    private void check(BeanPropertyDefinition property, JsonNode value, String path) {
        for (PresentInVersions present : annotations(property, PresentInVersions.class)) {
            if (!ApiVersions.contains(present.value(), apiVersion)) {
                problems.add(path + ": exists only in API versions " + present.value() + ", not in " + apiVersion);
            }
        }
        for (Minimum min : annotations(property, Minimum.class)) {
            if (value.isNumber()
                    && ApiVersions.contains(min.apiVersions(), apiVersion)
                    && value.asLong() < min.value()) {
                problems.add(path + ": " + value + " is below the minimum " + min.value());
            }
        }
        for (Maximum max : annotations(property, Maximum.class)) {
            if (value.isNumber()
                    && ApiVersions.contains(max.apiVersions(), apiVersion)
                    && value.asLong() > max.value()) {
                problems.add(path + ": " + value + " is above the maximum " + max.value());
            }
        }
        for (Pattern pattern : annotations(property, Pattern.class)) {
            if (value.isTextual()
                    && ApiVersions.contains(pattern.apiVersions(), apiVersion)
                    && !java.util.regex.Pattern.compile(pattern.value())
                            .matcher(value.asText())
                            .find()) {
                problems.add(path + ": " + value + " does not match " + pattern.value());
            }
        }
    }

    private boolean required(BeanPropertyDefinition property) {
        for (RequiredInVersions required : annotations(property, RequiredInVersions.class)) {
            if (ApiVersions.contains(required.value(), apiVersion)) {
                return true;
            }
        }
        return annotations(property, JsonProperty.class).stream().anyMatch(JsonProperty::required);
    }

    /** Annotations on the getter, setter or field, read by plain reflection (Jackson keeps only its own). */
    private static <A extends Annotation> List<A> annotations(BeanPropertyDefinition property, Class<A> type) {
        List<A> found = new ArrayList<>();
        for (AnnotatedMember member :
                new AnnotatedMember[] {property.getGetter(), property.getSetter(), property.getField()}) {
            if (member != null && member.getAnnotated() != null) {
                found.addAll(List.of(member.getAnnotated().getAnnotationsByType(type)));
            }
        }
        return found;
    }

    /** {@code .spec.kafka.listeners[0].tls}, from where Jackson stopped. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "." : path.toString();
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonMappingException m ? m.getOriginalMessage() : e.getMessage();
        message = message == null ? e.toString() : message;
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Jackson's reading of the models, less what makes it lenient. */
    private static final class StrictIntrospector extends JacksonAnnotationIntrospector {
        /** No "additional properties" map: an unknown field is an error. */
        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
        }

        /** fabric8 accepts any string as a quantity; its own parser knows which are. */
        @Override
        public Object findDeserializer(Annotated a) {
            return a.getRawType() == Quantity.class ? QuantityDeserializer.class : super.findDeserializer(a);
        }
    }

    static final class QuantityDeserializer extends StdDeserializer<Quantity> {
        QuantityDeserializer() {
            super(Quantity.class);
        }

        @Override
        public Quantity deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                Quantity quantity = Quantity.parse(text);
                quantity.getNumericalAmount();
                return quantity;
            } catch (RuntimeException e) {
                throw InvalidFormatException.from(parser, "\"" + text + "\" is not a quantity", text, Quantity.class);
            }
        }
    }
}
