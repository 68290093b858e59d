package io.cathalog.spring;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.auth.TokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.Map;

/**
 * Demo mode: authorizes the configured accounts at start through the sandbox, so the demo syncs
 * at once. It goes through the same flow as a person would (an authorize URL with a fresh state,
 * then the callback with a code and that state), only the sandbox gives the code instead of a
 * consent page.
 */
@Component
class DemoConnector {
    private static final System.Logger LOG = System.getLogger(DemoConnector.class.getName());

    private final CathalogProperties properties;
    private final ObjectProvider<BlingSandbox> sandbox;
    private final TokenManager tokens;
    private final TokenStore store;
    private final BlingApp app;

    DemoConnector(CathalogProperties properties, ObjectProvider<BlingSandbox> sandbox, TokenManager tokens,
                  TokenStore store, BlingApp app) {
        this.properties = properties;
        this.sandbox = sandbox;
        this.tokens = tokens;
        this.store = store;
        this.app = app;
    }

    /** Connects the accounts in demo mode; true when it did. */
    boolean connectIfDemo() {
        BlingSandbox bling = sandbox.getIfAvailable();
        if (!properties.demo() || !properties.demoConnect() || bling == null) {
            return false;
        }
        for (CathalogProperties.Account a : properties.accounts()) {
            if (store.load(a.id()).isPresent()) {
                continue;
            }
            AccountLogging.with(a.id(), () -> {
                URI consent = tokens.authorization().authorizeUrl(a.id());
                String state = UriComponentsBuilder.fromUri(consent).build().getQueryParams().getFirst("state");
                String company = a.companyId().isEmpty() ? bling.defaultAccountId() : a.companyId();
                tokens.authorization().handleCallback(Map.of("state", state,
                        "code", bling.authorizationCode(app.clientId(), company)));
                LOG.log(System.Logger.Level.INFO, "demo: account {0} authorized on the sandbox", a.id());
                return null;
            });
        }
        return true;
    }
}
