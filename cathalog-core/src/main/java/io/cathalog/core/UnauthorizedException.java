package io.cathalog.core;

import java.util.List;

/**
 * The access token was refused (HTTP 401 {@code invalid_token}: expired, revoked or unknown). A
 * client refreshes once and retries before it lets this through.
 */
public class UnauthorizedException extends RemoteException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String route, String type, String message, String description) {
        super(route, 401, type, message, description, List.of());
    }
}
