package io.microreach.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A 2xx answer: the parsed body and the response headers.
 *
 * @param headers as {@code java.net.http} reports them; look them up with {@link #header}, which ignores case
 */
public record JsonResponse(JsonNode body, Map<String, List<String>> headers) {

    public JsonResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, its name compared without case (HTTP/2 servers send lower-case names). */
    public Optional<String> header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)
                    && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
