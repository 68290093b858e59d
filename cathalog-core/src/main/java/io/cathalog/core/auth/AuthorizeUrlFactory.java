package io.cathalog.core.auth;

import java.net.URI;

/**
 * Builds an ERP's authorize URL (the consent page a person opens) for a {@code state} value that
 * {@link AuthorizationFlow} draws and later checks. For Bling see {@code BlingAuthorization}.
 */
@FunctionalInterface
public interface AuthorizeUrlFactory {

    /**
     * The URL of the consent page, carrying {@code state} so the callback can be matched.
     *
     * @param state the single-use state the flow drew
     * @return the ERP's consent-page URL for the app, with {@code state} in its query
     */
    URI authorizeUrl(String state);
}
