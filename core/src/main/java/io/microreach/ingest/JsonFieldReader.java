package io.microreach.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Fields of one JSON object; strict about types (a count given as a string is rejected). */
final class JsonFieldReader implements FieldReader {
    private final JsonNode node;

    JsonFieldReader(JsonNode node) {
        this.node = node;
    }

    @Override
    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    private JsonNode value(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    @Override
    public String string(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText().isEmpty() ? null : v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        throw new FieldException(field, "expected a string, got " + describe(v));
    }

    @Override
    public Long integer(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 9e15) {
            return (long) v.asDouble();
        }
        throw new FieldException(field, "expected a whole number, got " + describe(v));
    }

    @Override
    public Boolean bool(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        throw new FieldException(field, "expected true or false, got " + describe(v));
    }

    @Override
    public List<String> list(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw new FieldException(field, "expected an array of strings, got " + describe(v));
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new FieldException(field, "expected an array of strings, found " + describe(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    static String describe(JsonNode v) {
        String text = v.toString();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return v.getNodeType().name().toLowerCase() + " " + text;
    }
}
