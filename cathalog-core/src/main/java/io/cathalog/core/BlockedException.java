package io.cathalog.core;

import java.util.List;

/**
 * Requests are being refused wholesale: the ERP blocked this IP (Bling blocks for 10 minutes after
 * too many errors or requests in 10 s, for 60 minutes after too many token calls), or the client's
 * own circuit opened to stay clear of that. Retrying now makes it worse.
 */
public class BlockedException extends RemoteException {
    private static final long serialVersionUID = 1L;

    /**
     * @param route       the refused request, as method and route template
     * @param status      the HTTP status the ERP answered; 0 when the client's own circuit refused
     * @param type        the ERP's error type, or {@code CIRCUIT_OPEN} for the client's circuit
     * @param message     the ERP's error message; empty when it gave none
     * @param description the ERP's longer description; empty when it gave none
     */
    public BlockedException(String route, int status, String type, String message, String description) {
        super(route, status, type, message, description, List.of());
    }
}
