package io.cathalog.core;

import java.util.List;

/** The ERP failed (HTTP 5xx) and retries, where allowed, did not get through. */
public class ServerErrorException extends RemoteException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(String route, int status, String type, String message, String description) {
        super(route, status, type, message, description, List.of());
    }
}
