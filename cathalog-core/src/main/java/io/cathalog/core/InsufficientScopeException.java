package io.cathalog.core;

import java.util.List;

/**
 * The authorization lacks a scope the request needs (HTTP 403 {@code insufficient_scope}). Only a
 * change of the app's scopes and a new authorization fix it.
 */
public class InsufficientScopeException extends RemoteException {
    private static final long serialVersionUID = 1L;

    public InsufficientScopeException(String route, String type, String message, String description) {
        super(route, 403, type, message, description, List.of());
    }
}
