package io.cathalog.bling;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.bling.internal.Nodes;
import io.cathalog.core.BlockedException;
import io.cathalog.core.InsufficientScopeException;
import io.cathalog.core.NotFoundException;
import io.cathalog.core.RateLimitedException;
import io.cathalog.core.RemoteException;
import io.cathalog.core.RemoteValidationException;
import io.cathalog.core.ServerErrorException;
import io.cathalog.core.UnauthorizedException;
import io.cathalog.core.http.internal.ApiRequest;
import io.cathalog.core.http.internal.ApiResponse;
import io.cathalog.core.http.internal.ResponseClassifier;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Bling's answers: its error envelope
 * {@code {"error":{"type","message","description","fields":[...]}}} (with {@code limit} and
 * {@code period} on a 429), and bodies that are not JSON at all (an HTML error page from a proxy)
 * without failing on them.
 */
final class BlingResponseClassifier implements ResponseClassifier {
    /** Bling documents a 10-minute block after too many errors or requests in 10 s. */
    static final Duration IP_BLOCK = Duration.ofMinutes(10);
    /** Longest piece of a non-JSON body quoted in an error. */
    private static final int SNIPPET = 200;

    /** Bling's error, as far as the body says it. */
    record Envelope(String type, String message, String description, List<RemoteException.FieldError> fields,
                    Optional<String> period, long limit) {
    }

    @Override
    public Kind classify(ApiRequest request, ApiResponse response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Kind.Success();
        }
        Envelope e = envelope(response);
        String type = e.type.toLowerCase(Locale.ROOT);
        if (status == 429) {
            return e.period.filter("day"::equals).isPresent() ? new Kind.DailyQuotaExhausted()
                    : new Kind.RateLimited(Duration.ZERO);
        }
        if (status == 401 && !type.equals("insufficient_scope")) {
            return new Kind.TokenRejected();
        }
        if (isIpBlock(status, e)) {
            return new Kind.Blocked(IP_BLOCK);
        }
        if (status >= 500) {
            return new Kind.ServerError();
        }
        return new Kind.ClientError();
    }

    /** Bling does not document its IP-block answer; a 403 that is not about scope and says "bloque" is one. */
    private static boolean isIpBlock(int status, Envelope e) {
        if (status != 403 || e.type.equalsIgnoreCase("insufficient_scope")) {
            return false;
        }
        String text = (e.message + " " + e.description).toLowerCase(Locale.ROOT);
        return text.contains("bloque") || text.contains("blocked");
    }

    @Override
    public RuntimeException failure(ApiRequest request, ApiResponse response) {
        Envelope e = envelope(response);
        String route = request.describe();
        int status = response.status();
        if (status == 429) {
            return new RateLimitedException(route, e.type, e.message, e.description, e.limit, Duration.ofSeconds(1));
        }
        if (status == 401) {
            return new UnauthorizedException(route, e.type, e.message, e.description);
        }
        if (status == 403 && e.type.equalsIgnoreCase("insufficient_scope")) {
            return new InsufficientScopeException(route, e.type, e.message, e.description);
        }
        if (isIpBlock(status, e)) {
            return new BlockedException(route, status, e.type, e.message, e.description);
        }
        if (status == 404) {
            return new NotFoundException(route, e.type, e.message, e.description);
        }
        if (status >= 500) {
            return new ServerErrorException(route, status, e.type, e.message, e.description);
        }
        if (status == 400 || status == 422) {
            return new RemoteValidationException(route, status, e.type, e.message, e.description, e.fields);
        }
        return new RemoteException(route, status, e.type, e.message, e.description, e.fields);
    }

    static Envelope envelope(ApiResponse response) {
        JsonNode root = null;
        try {
            root = response.body().length == 0 ? null : Nodes.MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            // Not Bling's envelope: a proxy's HTML page, a truncated body. Quoted below, bounded.
        }
        JsonNode error = root == null ? null : root.get("error");
        if (error != null && error.isObject()) {
            return new Envelope(Nodes.text(error, "type").orElse("UNKNOWN_ERROR"), Nodes.textOrEmpty(error, "message"),
                    Nodes.textOrEmpty(error, "description"), fields(error.get("fields")),
                    Nodes.text(error, "period"), Nodes.integer(error, "limit").orElse(0));
        }
        if (error != null && error.isTextual()) {
            // The plain OAuth shape: {"error":"invalid_grant","error_description":"..."}.
            return new Envelope(error.textValue(), error.textValue(),
                    root.has("error_description") ? root.get("error_description").asText() : "", List.of(),
                    Optional.empty(), 0);
        }
        String body = response.bodyText().replaceAll("\\s+", " ").strip();
        String snippet = body.length() > SNIPPET ? body.substring(0, SNIPPET) + "..." : body;
        return new Envelope("UNKNOWN_ERROR", "HTTP " + response.status() + " without Bling's error envelope",
                snippet.isEmpty() ? "(empty body)" : "body: " + snippet, List.of(), Optional.empty(), 0);
    }

    private static List<RemoteException.FieldError> fields(JsonNode array) {
        List<RemoteException.FieldError> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode f : array) {
            if (!f.isObject()) {
                continue;
            }
            java.util.OptionalLong idx = Nodes.integer(f, "index");
            out.add(new RemoteException.FieldError(Nodes.integer(f, "code").orElse(0), Nodes.textOrEmpty(f, "msg"),
                    Nodes.present(f, "element"), Nodes.present(f, "namespace"), fields(f.get("collection")),
                    idx.isPresent() ? Optional.of((int) idx.getAsLong()) : Optional.empty()));
        }
        return out;
    }
}
