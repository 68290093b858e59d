package io.cathalog.bling.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every request the sandbox received, oldest first (bounded; the oldest entries are dropped
 * beyond the configured capacity). Thread-safe; every accessor returns a snapshot.
 */
public final class RequestLog {
    private final int capacity;
    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RecordedRequest r) {
        if (entries.size() == capacity) {
            entries.pollFirst();
        }
        entries.addLast(r);
    }

    /** All entries, oldest first. */
    public synchronized List<RecordedRequest> entries() {
        return List.copyOf(entries);
    }

    /** Entries whose route is {@code route}, e.g. {@code "PUT /produtos/{idProduto}"}. */
    public List<RecordedRequest> forRoute(String route) {
        return entries().stream().filter(r -> r.route().equals(route)).toList();
    }

    /** Entries for one account (requests with a valid token of that account). */
    public List<RecordedRequest> forAccount(String accountId) {
        return entries().stream().filter(r -> r.accountId().equals(Optional.of(accountId))).toList();
    }

    /** Write requests (POST, PUT, PATCH, DELETE on API routes), whatever their status. */
    public List<RecordedRequest> writes() {
        return entries().stream().filter(RecordedRequest::write).toList();
    }

    /** Number of requests per route, routes sorted by name. */
    public Map<String, Long> countsByRoute() {
        Map<String, Long> counts = new TreeMap<>();
        entries().forEach(r -> counts.merge(r.route(), 1L, Long::sum));
        return counts;
    }

    /** Number of requests with a given status. */
    public long countWithStatus(int status) {
        return entries().stream().filter(r -> r.status() == status).count();
    }

    /**
     * The most requests of {@code accountId} (all accounts when empty) that arrived within any
     * window of length {@code window}, i.e. the peak rate as the sandbox saw it. A window is
     * half-open, [t, t + window), matching the rate limiter's sliding second.
     */
    public int peakInWindow(Duration window, Optional<String> accountId) {
        List<Instant> times = new ArrayList<>();
        for (RecordedRequest r : entries()) {
            if (accountId.isEmpty() || r.accountId().equals(accountId)) {
                times.add(r.at());
            }
        }
        times.sort(null);
        int best = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (!times.get(start).plus(window).isAfter(times.get(end))) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Forgets every entry. */
    public synchronized void reset() {
        entries.clear();
    }
}
