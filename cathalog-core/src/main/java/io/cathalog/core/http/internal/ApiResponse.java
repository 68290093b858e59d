package io.cathalog.core.http.internal;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An API response.
 *
 * @param status  the HTTP status
 * @param headers the response's headers
 * @param body    the response's body, whole; copied in
 * @param attempt which attempt produced it (1 = the first)
 */
public record ApiResponse(int status, HttpHeaders headers, byte[] body, int attempt) {

    /**
     * Copies the body.
     *
     * @param status  the HTTP status
     * @param headers the response's headers
     * @param body    the response's body, whole; copied in
     * @param attempt which attempt produced it (1 = the first)
     * @throws NullPointerException if the headers or the body are null
     */
    public ApiResponse {
        Objects.requireNonNull(headers, "headers");
        body = Arrays.copyOf(Objects.requireNonNull(body, "body"), body.length);
    }

    /**
     * Whether the ERP accepted the request.
     *
     * @return true for a 2xx status
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * The body as text.
     *
     * @return the body decoded as UTF-8
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiResponse r && status == r.status && attempt == r.attempt && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return 31 * status + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + ", " + body.length + " bytes, attempt " + attempt + "]";
    }
}
