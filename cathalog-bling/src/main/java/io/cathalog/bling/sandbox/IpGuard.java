package io.cathalog.bling.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bling's IP blocks: too many errors or requests in a window blocks every request from the
 * address; too many token calls blocks the token endpoint. Every crossing is recorded, even when
 * enforcement is off, so a reliability suite can assert that none ever happened.
 */
final class IpGuard {
    private final Settings s;
    private final Map<String, State> states = new HashMap<>();
    private final List<IpBlockEvent> events = new CopyOnWriteArrayList<>();

    IpGuard(Settings settings) {
        this.s = settings;
    }

    private static final class State {
        final ArrayDeque<Instant> requests = new ArrayDeque<>();
        final ArrayDeque<Instant> errors = new ArrayDeque<>();
        final ArrayDeque<Instant> tokenCalls = new ArrayDeque<>();
        Instant blockedUntil = Instant.MIN;
        Instant tokenBlockedUntil = Instant.MIN;
    }

    /** Called on arrival: counts the request and says whether the address is blocked for it. */
    synchronized Optional<Instant> admit(String address, boolean tokenCall, Instant now) {
        State st = states.computeIfAbsent(address, a -> new State());
        if (s.enforceIpBlocks()) {
            if (now.isBefore(st.blockedUntil)) {
                return Optional.of(st.blockedUntil);
            }
            if (tokenCall && now.isBefore(st.tokenBlockedUntil)) {
                return Optional.of(st.tokenBlockedUntil);
            }
        }
        trim(st.requests, now.minus(s.ipWindow()));
        st.requests.addLast(now);
        if (st.requests.size() > s.ipMaxRequests()) {
            block(st, address, IpBlockEvent.Trigger.TOO_MANY_REQUESTS, now, st.requests.size());
            st.requests.clear();
        }
        if (tokenCall) {
            trim(st.tokenCalls, now.minus(s.tokenWindow()));
            st.tokenCalls.addLast(now);
            if (st.tokenCalls.size() > s.tokenMaxCalls()) {
                Instant until = now.plus(s.tokenBlock());
                events.add(new IpBlockEvent(IpBlockEvent.Trigger.TOO_MANY_TOKEN_CALLS, address, now, until,
                        st.tokenCalls.size()));
                st.tokenBlockedUntil = until;
                st.tokenCalls.clear();
            }
        }
        return Optional.empty();
    }

    /** Called once the status is known. */
    synchronized void answered(String address, int status, Instant now) {
        if (status < 400) {
            return;
        }
        State st = states.computeIfAbsent(address, a -> new State());
        trim(st.errors, now.minus(s.ipWindow()));
        st.errors.addLast(now);
        if (st.errors.size() > s.ipMaxErrors()) {
            block(st, address, IpBlockEvent.Trigger.TOO_MANY_ERRORS, now, st.errors.size());
            st.errors.clear();
        }
    }

    private void block(State st, String address, IpBlockEvent.Trigger trigger, Instant now, int observed) {
        Instant until = now.plus(s.ipBlock());
        events.add(new IpBlockEvent(trigger, address, now, until, observed));
        st.blockedUntil = until;
    }

    private static void trim(ArrayDeque<Instant> q, Instant floor) {
        while (!q.isEmpty() && !q.peekFirst().isAfter(floor)) {
            q.pollFirst();
        }
    }

    List<IpBlockEvent> events() {
        return List.copyOf(events);
    }

    synchronized void clear() {
        states.clear();
        events.clear();
    }
}
