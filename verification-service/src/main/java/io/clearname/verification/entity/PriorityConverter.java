package io.clearname.verification.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a priority as its level, so that the queue sorts on a number rather than a name. */
@Converter
public class PriorityConverter implements AttributeConverter<Priority, Integer> {

    @Override
    public Integer convertToDatabaseColumn(Priority priority) {
        return priority == null ? null : priority.level();
    }

    @Override
    public Priority convertToEntityAttribute(Integer level) {
        return level == null ? null : Priority.ofLevel(level);
    }
}
