package io.clearname.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON mapping of event payloads, shared by producers and consumers: ISO-8601 instants, and unknown fields
 * tolerated on read so that additive changes never break an older consumer.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(ClearnameEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Event cannot be serialized: " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a payload. Throws {@link MalformedEventException} when the JSON is not a valid event of that type; the
     * message names the type and the JSON location only, never the payload's values.
     */
    public static <T extends ClearnameEvent> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw malformed(type, e);
        }
    }

    /**
     * Reads a payload from its UTF-8 bytes, as a Kafka record carries it, without decoding it to a string first.
     * Throws {@link MalformedEventException} as {@link #read(String, Class)} does.
     */
    public static <T extends ClearnameEvent> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw malformed(type, e);
        } catch (IOException e) {
            // Jackson reports reading errors of a byte array, e.g. bytes that are not UTF-8, as plain IOExceptions.
            throw new MalformedEventException(type.getSimpleName() + " payload is not readable JSON text");
        }
    }

    private static MalformedEventException malformed(Class<?> type, JsonProcessingException e) {
        var at = e.getLocation() == null
                ? "an unknown location"
                : "line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return new MalformedEventException(type.getSimpleName() + " payload is malformed at " + at);
    }
}
