package io.cathalog.bling.oauth;

import io.cathalog.core.auth.TokenEndpoint;
import io.cathalog.core.auth.TokenGrant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts token calls and remembers every token and code seen, to look for them in logs and files. */
final class RecordingEndpoint implements TokenEndpoint {
    final TokenEndpoint target;
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger exchanges = new AtomicInteger();
    final Set<String> secrets = ConcurrentHashMap.newKeySet();
    final Set<String> codes = ConcurrentHashMap.newKeySet();

    RecordingEndpoint(TokenEndpoint target) {
        this.target = target;
    }

    @Override
    public TokenGrant exchangeCode(String code) {
        exchanges.incrementAndGet();
        codes.add(code);
        return record(target.exchangeCode(code));
    }

    @Override
    public TokenGrant refresh(String refreshToken) {
        refreshes.incrementAndGet();
        secrets.add(refreshToken);
        return record(target.refresh(refreshToken));
    }

    private TokenGrant record(TokenGrant g) {
        secrets.add(g.accessToken());
        g.refreshToken().ifPresent(secrets::add);
        return g;
    }
}
