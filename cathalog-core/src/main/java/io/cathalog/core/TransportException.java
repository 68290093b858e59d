package io.cathalog.core;

/**
 * A request got no usable answer: connection refused or reset, time-out, a response lost after the
 * request was sent, or a body that is not what the ERP sends. For a write, the change may or may
 * not have been applied.
 */
public class TransportException extends CathalogException {
    private static final long serialVersionUID = 1L;

    private final String route;

    public TransportException(String route, String message, Throwable cause) {
        super(route + ": " + message, cause);
        this.route = route;
    }

    public String route() {
        return route;
    }
}
