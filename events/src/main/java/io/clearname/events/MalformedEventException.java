package io.clearname.events;

/**
 * A record whose payload or headers are not a valid event. Its message never quotes the payload, so it is safe to put
 * in a log line or a dead-letter header.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
