package io.cathalog.spring;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The Bling app this application acts as, and where Bling is: from the configuration, or from the
 * in-process sandbox in demo mode.
 *
 * @param apiBase       the API and token endpoint
 * @param authorizeBase where people authorize the app
 * @param clientId      the app's client id
 * @param clientSecret  the app's client secret (also the webhooks' HMAC key)
 * @param companies     Bling company id to account id, for webhooks
 */
record BlingApp(URI apiBase, URI authorizeBase, String clientId, String clientSecret, Map<String, String> companies) {
    BlingApp {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(authorizeBase, "authorizeBase");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("cathalog.client-id (CATHALOG_CLIENT_ID) is not set: the Bling app's client id");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("cathalog.client-secret (CATHALOG_CLIENT_SECRET) is not set: the Bling app's"
                    + " client secret");
        }
        companies = Map.copyOf(companies);
    }

    @Override
    public String toString() {
        return "BlingApp[apiBase=" + apiBase + ", clientId=" + clientId + ", clientSecret=(hidden)]";
    }
}
