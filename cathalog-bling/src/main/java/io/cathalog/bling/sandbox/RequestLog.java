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

    /**
     * All entries kept, oldest first.
     *
     * @return a copy of the log
     */
    public synchronized List<RecordedRequest> entries() {
        return List.copyOf(entries);
    }

    /**
     * Entries whose route is {@code route}.
     *
     * @param route a route key, e.g. {@code "PUT /produtos/{idProduto}"}, or {@link RecordedRequest#UNMATCHED}
     * @return those entries, oldest first
     */
    public List<RecordedRequest> forRoute(String route) {
        return entries().stream().filter(r -> r.route().equals(route)).toList();
    }

    /**
     * Entries for one account (requests with a valid token of that account).
     *
     * @param accountId the sandbox account
     * @return those entries, oldest first
     */
    public List<RecordedRequest> forAccount(String accountId) {
        return entries().stream().filter(r -> r.accountId().equals(Optional.of(accountId))).toList();
    }

    /**
     * Write requests (POST, PUT, PATCH, DELETE on API routes), whatever their status.
     *
     * @return those entries, oldest first
     */
    public List<RecordedRequest> writes() {
        return entries().stream().filter(RecordedRequest::write).toList();
    }

    /**
     * The number of requests per route.
     *
     * @return counts by route key, routes sorted by name
     */
    public Map<String, Long> countsByRoute() {
        Map<String, Long> counts = new TreeMap<>();
        entries().forEach(r -> counts.merge(r.route(), 1L, Long::sum));
        return counts;
    }

    /**
     * The number of requests answered with a status.
     *
     * @param status an HTTP status; 0 counts the lost responses
     * @return how many entries have it
     */
    public long countWithStatus(int status) {
        return entries().stream().filter(r -> r.status() == status).count();
    }

    /**
     * The most requests of {@code accountId} (all accounts when empty) that arrived within any
     * window of length {@code window}, i.e. the peak rate as the sandbox saw it. A window is
     * half-open, [t, t + window), matching the rate limiter's sliding second.
     *
     * @param window    the window's length, e.g. one second
     * @param accountId the account; empty for every request
     * @return the peak count; 0 for an empty log
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

    /**
     * How many entries are kept.
     *
     * @return the number of entries, at most the log's capacity
     */
    public synchronized int size() {
        return entries.size();
    }

    /** Forgets every entry. */
    public synchronized void reset() {
        entries.clear();
    }
}
