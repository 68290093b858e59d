package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** What a handler answers: a status, optional JSON (or HTML) body and extra headers. */
record ApiResponse(int status, Optional<JsonNode> json, Optional<String> html, Map<String, String> headers) {

    static ApiResponse ok(JsonNode data) {
        return new ApiResponse(200, Optional.of(Json.data(data)), Optional.empty(), Map.of());
    }

    static ApiResponse created(JsonNode data) {
        return new ApiResponse(201, Optional.of(Json.data(data)), Optional.empty(), Map.of());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, Optional.empty(), Optional.empty(), Map.of());
    }

    /** A body not wrapped in {@code data}, as the token endpoint and error envelopes are. */
    static ApiResponse raw(int status, JsonNode body) {
        return new ApiResponse(status, Optional.of(body), Optional.empty(), Map.of());
    }

    static ApiResponse error(ApiException e) {
        return raw(e.status, e.envelope());
    }

    static ApiResponse html(int status, String page) {
        return new ApiResponse(status, Optional.empty(), Optional.of(page), Map.of());
    }

    static ApiResponse redirect(String location) {
        return new ApiResponse(302, Optional.empty(), Optional.empty(), Map.of("Location", location));
    }

    byte[] bodyBytes() {
        if (json.isPresent()) {
            return Json.bytes(json.get());
        }
        return html.map(h -> h.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
    }
}
