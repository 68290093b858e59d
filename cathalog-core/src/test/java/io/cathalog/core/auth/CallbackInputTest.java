package io.cathalog.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.AuthorizationException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, items 9 and 10: remote {@code error} text cannot drive a terminal, and pending states
 * are bounded per account, with none created per failed token call.
 */
class CallbackInputTest {
    final MutableClock clock = MutableClock.atDefaultInstant();
    final FakeTokenEndpoint endpoint = new FakeTokenEndpoint();
    final InMemoryTokenStore store = new InMemoryTokenStore();
    final TokenManager manager = TokenManager.builder().store(store).endpoint(endpoint).clock(clock)
            .authorizeUrls(state -> URI.create("https://erp.example/oauth/authorize?state=" + state)).build();
    final AuthorizationFlow flow = manager.authorization();

    @Test
    void errorTextFromTheCallbackIsMadePrintableAndBounded() {
        String clipboard = "\u001b]52;c;ZWNobyBwd25lZA==\u0007";
        String clear = "\u001b[2J\u001b[H";
        String state = AuthorizationFlowTest.state(flow.authorizeUrl("acme"));
        assertThatThrownBy(() -> flow.handleCallback(Map.of("state", state, "error", "access_denied" + clear,
                "error_description", "denied" + clipboard + "\r\nfake line\u202e" + "x".repeat(5000))))
                .isInstanceOfSatisfying(AuthorizationException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r")
                            .doesNotContain("\n").doesNotContain("\u202e").contains("\\u001b]52;c;")
                            .contains("denied").hasSizeLessThan(1000);
                    assertThat(e.error()).doesNotContain("\u001b").startsWith("access_denied");
                });
        assertThatThrownBy(() -> flow.handleCallback(Map.of("state", "forged", "error", "x" + clear)))
                .isInstanceOfSatisfying(AuthorizationException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }

    @Test
    void failedTokenCallsForADeadAccountReuseOneReauthorizationLink() {
        Set<URI> links = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            try {
                manager.accessToken("never-authorized");
            } catch (ReauthorizationRequiredException e) {
                links.add(e.authorizeUrl());
            }
        }
        assertThat(links).hasSize(1);
        assertThat(flow.pendingStates()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(6)); // less than half its lifetime left: a fresh one
        assertThatThrownBy(() -> manager.accessToken("never-authorized"))
                .isInstanceOfSatisfying(ReauthorizationRequiredException.class,
                        e -> assertThat(links).doesNotContain(e.authorizeUrl()));
        assertThat(flow.pendingStates()).isEqualTo(2);
    }

    @Test
    void pendingStatesAreBoundedPerAccountAndAPersonsLoginSurvivesAFloodOfDeadAccounts() {
        String person = AuthorizationFlowTest.state(flow.authorizeUrl("person"));
        for (int i = 0; i < 20; i++) {
            flow.authorizeUrl("clicker");
        }
        String newest = AuthorizationFlowTest.state(flow.authorizeUrl("clicker"));
        assertThat(flow.pendingStates()).isEqualTo(1 + AuthorizationFlow.MAX_PENDING_PER_ACCOUNT);
        for (int i = 0; i < 1500; i++) {
            try {
                manager.accessToken("dead-account-" + i);
            } catch (ReauthorizationRequiredException expected) {
                // one link per dead account
            }
        }
        assertThat(flow.pendingStates()).isLessThanOrEqualTo(1000);
        assertThat(flow.handleCallback(Map.of("state", person, "code", endpoint.newCode())).accountId())
                .as("the person's login in progress was not evicted").isEqualTo("person");
        assertThat(flow.handleCallback(Map.of("state", newest, "code", endpoint.newCode())).accountId())
                .isEqualTo("clicker");
    }
}
