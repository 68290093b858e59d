package io.cathalog.core;

import java.util.List;

/**
 * The access token was refused (HTTP 401 {@code invalid_token}: expired, revoked or unknown). A
 * client refreshes once and retries before it lets this through.
 */
public class UnauthorizedException extends RemoteException {
    private static final long serialVersionUID = 1L;

    /**
     * @param route       the refused request, as method and route template
     * @param type        the ERP's error type, e.g. {@code invalid_token}
     * @param message     the ERP's error message; empty when it gave none
     * @param description the ERP's longer description; empty when it gave none
     */
    public UnauthorizedException(String route, String type, String message, String description) {
        super(route, 401, type, message, description, List.of());
    }
}
