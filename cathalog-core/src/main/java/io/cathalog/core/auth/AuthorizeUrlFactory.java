package io.cathalog.core.auth;

import java.net.URI;

/**
 * Builds an ERP's authorize URL (the consent page a person opens) for a {@code state} value that
 * {@link AuthorizationFlow} draws and later checks. For Bling see {@code BlingAuthorization}.
 */
@FunctionalInterface
public interface AuthorizeUrlFactory {

    /** The URL of the consent page, carrying {@code state} so the callback can be matched. */
    URI authorizeUrl(String state);
}
