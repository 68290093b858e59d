package io.cathalog.core.http.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One API request, before authorization and pacing.
 *
 * @param method a standard HTTP method
 * @param route  the route template, e.g. {@code /produtos/{idProduto}}, for logs and metrics
 * @param uri    the full URI, query included
 * @param body   a JSON body, if the request has one
 */
public record ApiRequest(String method, String route, URI uri, Optional<byte[]> body) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE");

    /**
     * Copies the body.
     *
     * @param method a standard HTTP method
     * @param route  the route template, e.g. {@code /produtos/{idProduto}}, for logs and metrics
     * @param uri    the full URI, query included
     * @param body   a JSON body, if the request has one
     * @throws IllegalArgumentException if {@code method} is not GET, POST, PUT, PATCH, DELETE or HEAD
     */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unsupported HTTP method " + method);
        }
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(uri, "uri");
        body = Objects.requireNonNull(body, "body").map(b -> Arrays.copyOf(b, b.length));
    }

    /**
     * Whether repeating the request cannot change the outcome: a PUT replaces with the same, a
     * DELETE of what is gone stays gone. POST and PATCH are not.
     *
     * @return true for GET, HEAD, PUT and DELETE
     */
    public boolean isIdempotent() {
        return IDEMPOTENT.contains(method);
    }

    /**
     * For logs: method and route template, never ids or query values.
     *
     * @return e.g. {@code PUT /produtos/{idProduto}}
     */
    public String describe() {
        return method + " " + route;
    }

    @Override
    public String toString() {
        return "ApiRequest[" + describe() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiRequest r && method.equals(r.method) && route.equals(r.route) && uri.equals(r.uri)
                && body.isPresent() == r.body.isPresent()
                && (body.isEmpty() || Arrays.equals(body.get(), r.body.get()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, route, uri, body.map(Arrays::hashCode).orElse(0));
    }
}
