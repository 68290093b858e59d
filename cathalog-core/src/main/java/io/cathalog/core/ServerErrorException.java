package io.cathalog.core;

import java.util.List;

/** The ERP failed (HTTP 5xx) and retries, where allowed, did not get through. */
public class ServerErrorException extends RemoteException {
    private static final long serialVersionUID = 1L;

    /**
     * @param route       the failed request, as method and route template
     * @param status      the HTTP status, 5xx
     * @param type        the ERP's error type
     * @param message     the ERP's error message; empty when it gave none
     * @param description the ERP's longer description; empty when it gave none
     */
    public ServerErrorException(String route, int status, String type, String message, String description) {
        super(route, status, type, message, description, List.of());
    }
}
