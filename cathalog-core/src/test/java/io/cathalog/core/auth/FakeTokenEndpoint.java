package io.cathalog.core.auth;

import io.cathalog.core.AuthorizationException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory token endpoint with Bling's rotation: every refresh token and code is single-use.
 * Issues {@code access-N} / {@code refresh-N}; counts calls; a hook runs inside each refresh call.
 */
final class FakeTokenEndpoint implements TokenEndpoint {
    private final Set<String> liveRefresh = new HashSet<>();
    private final Set<String> liveCodes = new HashSet<>();
    private final AtomicInteger serial = new AtomicInteger();
    final AtomicInteger refreshCalls = new AtomicInteger();
    final AtomicInteger exchangeCalls = new AtomicInteger();
    volatile Duration lifetime = Duration.ofHours(6);
    volatile boolean rotate = true;
    volatile Optional<String> failWith = Optional.empty();
    volatile Consumer<String> duringRefresh = r -> { };

    synchronized Tokens issue(java.time.Instant now) {
        int n = serial.incrementAndGet();
        liveRefresh.add("refresh-" + n);
        return new Tokens("access-" + n, "refresh-" + n, now.plus(lifetime), Set.of("98309"), now);
    }

    synchronized String newCode() {
        String code = "code-" + serial.incrementAndGet();
        liveCodes.add(code);
        return code;
    }

    synchronized boolean isLive(String refreshToken) {
        return liveRefresh.contains(refreshToken);
    }

    @Override
    public TokenGrant exchangeCode(String code) {
        exchangeCalls.incrementAndGet();
        synchronized (this) {
            if (failWith.isPresent()) {
                throw new AuthorizationException(failWith.get(), "fake refusal");
            }
            if (!liveCodes.remove(code)) {
                throw new AuthorizationException(OAuthErrors.INVALID_GRANT, "unknown code");
            }
            int n = serial.incrementAndGet();
            liveRefresh.add("refresh-" + n);
            return new TokenGrant("access-" + n, Optional.of("refresh-" + n), lifetime, Set.of("98309", "318257570"));
        }
    }

    @Override
    public TokenGrant refresh(String refreshToken) {
        refreshCalls.incrementAndGet();
        duringRefresh.accept(refreshToken);
        synchronized (this) {
            if (failWith.isPresent()) {
                throw new AuthorizationException(failWith.get(), "fake refusal");
            }
            if (!liveRefresh.remove(refreshToken)) {
                throw new AuthorizationException(OAuthErrors.INVALID_GRANT, "The refresh token is invalid");
            }
            int n = serial.incrementAndGet();
            if (!rotate) {
                liveRefresh.add(refreshToken);
                return new TokenGrant("access-" + n, Optional.empty(), lifetime, Set.of("98309"));
            }
            liveRefresh.add("refresh-" + n);
            return new TokenGrant("access-" + n, Optional.of("refresh-" + n), lifetime, Set.of("98309"));
        }
    }
}
