package io.cathalog.bling.sandbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the sandbox saw it.
 *
 * @param at        when it arrived, by the sandbox's clock
 * @param method    the HTTP method
 * @param path      the path below {@code /Api/v3}, without the query, e.g. {@code /produtos/16000000001}
 * @param route     the matched route, e.g. {@code GET /produtos/{idProduto}}; {@code UNMATCHED} when none
 * @param status    the status answered; {@code 0} when the response was deliberately lost
 * @param accountId the account of the bearer token, when the token was valid
 * @param write     true for POST, PUT, PATCH and DELETE on API routes (not on {@code /oauth})
 * @param clientId  the OAuth app (client id) the bearer token was issued to, when the token was
 *                  valid: tells apart the writers of one account (several instances, each with its
 *                  own app)
 */
public record RecordedRequest(Instant at, String method, String path, String route, int status,
        Optional<String> accountId, boolean write, Optional<String> clientId) {

    /** The route recorded when no route matched the path and method. */
    public static final String UNMATCHED = "UNMATCHED";

    /**
     * @param at        when it arrived, by the sandbox's clock
     * @param method    the HTTP method
     * @param path      the path below {@code /Api/v3}, without the query, e.g. {@code /produtos/16000000001}
     * @param route     the matched route, e.g. {@code GET /produtos/{idProduto}}; {@code UNMATCHED} when none
     * @param status    the status answered; {@code 0} when the response was deliberately lost
     * @param accountId the account of the bearer token, when the token was valid
     * @param write     true for POST, PUT, PATCH and DELETE on API routes (not on {@code /oauth})
     * @param clientId  the OAuth app the bearer token was issued to, when the token was valid
     * @throws NullPointerException if a component is null
     */
    public RecordedRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * A request without the OAuth app recorded.
     *
     * @param at        when it arrived
     * @param method    the HTTP method
     * @param path      the path below {@code /Api/v3}
     * @param route     the matched route
     * @param status    the status answered
     * @param accountId the account of the bearer token
     * @param write     true for writes on API routes
     */
    public RecordedRequest(Instant at, String method, String path, String route, int status,
            Optional<String> accountId, boolean write) {
        this(at, method, path, route, status, accountId, write, Optional.empty());
    }

    /**
     * Whether the response was dropped by the lost-response fault.
     *
     * @return true when {@link #status()} is 0
     */
    public boolean responseLost() {
        return status == 0;
    }
}
