package io.cathalog.core;

import java.util.List;

/** The ERP has no such resource (HTTP 404). */
public class NotFoundException extends RemoteException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String route, String type, String message, String description) {
        super(route, 404, type, message, description, List.of());
    }
}
