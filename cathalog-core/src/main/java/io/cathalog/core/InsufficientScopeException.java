package io.cathalog.core;

import java.util.List;

/**
 * The authorization lacks a scope the request needs (HTTP 403 {@code insufficient_scope}). Only a
 * change of the app's scopes and a new authorization fix it.
 */
public class InsufficientScopeException extends RemoteException {
    private static final long serialVersionUID = 1L;

    /**
     * @param route       the refused request, as method and route template
     * @param type        the ERP's error type
     * @param message     the ERP's error message; empty when it gave none
     * @param description the ERP's longer description; empty when it gave none
     */
    public InsufficientScopeException(String route, String type, String message, String description) {
        super(route, 403, type, message, description, List.of());
    }
}
