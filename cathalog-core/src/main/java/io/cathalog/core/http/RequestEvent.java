package io.cathalog.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP attempt, as a listener sees it.
 *
 * @param accountId the account the request was sent for
 * @param method    the HTTP method, e.g. {@code GET}
 * @param route     the method's route template, e.g. {@code /produtos/{idProduto}} (never an id, so it
 *                  groups well in metrics)
 * @param status    the HTTP status; 0 when no response came (connection error, time-out)
 * @param duration  how long the attempt took, response body included
 * @param attempt   1 for the first try, 2 for the first retry, ...
 * @param error     what went wrong without a status, e.g. the exception's class
 */
public record RequestEvent(String accountId, String method, String route, int status, Duration duration, int attempt,
                           Optional<String> error) {
    /**
     * @param accountId the account the request was sent for
     * @param method    the HTTP method, e.g. {@code GET}
     * @param route     the method's route template, e.g. {@code /produtos/{idProduto}} (never an id, so it
     *                  groups well in metrics)
     * @param status    the HTTP status; 0 when no response came (connection error, time-out)
     * @param duration  how long the attempt took, response body included
     * @param attempt   1 for the first try, 2 for the first retry, ...
     * @param error     what went wrong without a status, e.g. the exception's class
     * @throws NullPointerException if a component is null
     */
    public RequestEvent {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
    }

    /**
     * Whether the method changes something.
     *
     * @return true for anything but GET and HEAD
     */
    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD");
    }
}
