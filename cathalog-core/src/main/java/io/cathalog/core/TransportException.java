package io.cathalog.core;

/**
 * A request got no usable answer: connection refused or reset, time-out, a response lost after the
 * request was sent, or a body that is not what the ERP sends. For a write, the change may or may
 * not have been applied.
 */
public class TransportException extends CathalogException {
    private static final long serialVersionUID = 1L;

    /** The request, as method and route template. */
    private final String route;

    /**
     * @param route   the request, as method and route template
     * @param message what went wrong, e.g. "connection reset"
     * @param cause   the I/O failure underneath
     */
    public TransportException(String route, String message, Throwable cause) {
        super(route + ": " + message, cause);
        this.route = route;
    }

    /**
     * The request that got no usable answer.
     *
     * @return method and route template, e.g. {@code PUT /produtos/{idProduto}}
     */
    public String route() {
        return route;
    }
}
