package io.cathalog.core;

import java.util.List;

/** The ERP has no such resource (HTTP 404). */
public class NotFoundException extends RemoteException {
    private static final long serialVersionUID = 1L;

    /**
     * @param route       the request, as method and route template
     * @param type        the ERP's error type
     * @param message     the ERP's error message; empty when it gave none
     * @param description the ERP's longer description; empty when it gave none
     */
    public NotFoundException(String route, String type, String message, String description) {
        super(route, 404, type, message, description, List.of());
    }
}
