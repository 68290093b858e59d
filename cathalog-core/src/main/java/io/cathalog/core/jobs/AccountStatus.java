package io.cathalog.core.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.core.CathalogException;
import io.cathalog.core.sync.Outcome;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where one account stands, for a person or a dashboard: its state, the last run and its outcome
 * counts, the next run, the day's requests against the budget, the tokens' expiry, a pause and its
 * reason, a sync split across days, and the current run's progress. {@link #toJson()} gives the
 * same thing as JSON, fields always in the same order, absent values as {@code null}.
 *
 * @param accountId            the account
 * @param state                what it is doing or waiting for
 * @param observedAt           when this status was taken
 * @param lastRun              the last run this instance made
 * @param nextRunAt            when the next run is due (empty while paused)
 * @param consecutiveFailures  failed runs in a row (the backoff grows with them)
 * @param requestsUsedToday    the account's requests today (every client sharing the limiter)
 * @param dailyBudget          the most Cathalog Sync may send today
 * @param budgetResetsAt       when the day's count starts over
 * @param pauseReason          why the account is paused, if it is
 * @param authorizeUrl         where a person re-authorizes a paused account
 * @param split                a sync that did not fit the day's budget, until it completes
 * @param progress             the current (or last) run's progress
 * @param pendingProducts      products webhooks named that the next run has not seen yet
 * @param accessTokenExpiresAt when the stored access token expires
 * @param refreshTokenLapsesAt when the stored refresh token lapses unless used
 * @param leaseHolder          another instance that holds the account's lease right now
 */
public record AccountStatus(String accountId, State state, Instant observedAt, Optional<RunRecord> lastRun,
                            Optional<Instant> nextRunAt, int consecutiveFailures, long requestsUsedToday,
                            long dailyBudget, Instant budgetResetsAt, Optional<String> pauseReason,
                            Optional<URI> authorizeUrl, Optional<SplitInfo> split, Optional<ProgressView> progress,
                            List<ProductRef> pendingProducts, Optional<Instant> accessTokenExpiresAt,
                            Optional<Instant> refreshTokenLapsesAt, Optional<String> leaseHolder) {

    /** What an account is doing or waiting for. */
    public enum State {
        /** Waiting for its next run. */
        SCHEDULED,
        /** A run is in progress here. */
        RUNNING,
        /** The last run failed; the next one waits out a growing backoff. */
        BACKING_OFF,
        /** The day's budget is spent; the next run starts after the reset. */
        WAITING_FOR_BUDGET,
        /** The authorization is dead; nothing runs until a person re-authorizes and the host resumes it. */
        PAUSED,
        /** The scheduler was shut down. */
        STOPPED
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Checks the components and copies the list of pending products.
     *
     * @param accountId            the account
     * @param state                what it is doing or waiting for
     * @param observedAt           when this status was taken
     * @param lastRun              the last run this instance made
     * @param nextRunAt            when the next run is due (empty while paused)
     * @param consecutiveFailures  failed runs in a row (the backoff grows with them)
     * @param requestsUsedToday    the account's requests today (every client sharing the limiter)
     * @param dailyBudget          the most Cathalog Sync may send today
     * @param budgetResetsAt       when the day's count starts over
     * @param pauseReason          why the account is paused, if it is
     * @param authorizeUrl         where a person re-authorizes a paused account
     * @param split                a sync that did not fit the day's budget, until it completes
     * @param progress             the current (or last) run's progress
     * @param pendingProducts      products webhooks named that the next run has not seen yet
     * @param accessTokenExpiresAt when the stored access token expires
     * @param refreshTokenLapsesAt when the stored refresh token lapses unless used
     * @param leaseHolder          another instance that holds the account's lease right now
     * @throws NullPointerException when a component is null
     */
    public AccountStatus {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(lastRun, "lastRun");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
        Objects.requireNonNull(budgetResetsAt, "budgetResetsAt");
        Objects.requireNonNull(pauseReason, "pauseReason");
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(progress, "progress");
        pendingProducts = List.copyOf(pendingProducts);
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        Objects.requireNonNull(refreshTokenLapsesAt, "refreshTokenLapsesAt");
        Objects.requireNonNull(leaseHolder, "leaseHolder");
    }

    /**
     * Whether the account waits for a person to re-authorize it.
     *
     * @return true in state {@link State#PAUSED}
     */
    public boolean paused() {
        return state == State.PAUSED;
    }

    /**
     * What is left of today's budget.
     *
     * @return the daily budget less today's requests, never below 0
     */
    public long remainingToday() {
        return Math.max(0, dailyBudget - requestsUsedToday);
    }

    /** The status as a JSON object (never a token: the status holds none); Jackson stays out of the API. */
    private ObjectNode jsonNode() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("accountId", accountId);
        n.put("state", state.name());
        n.put("paused", paused());
        n.put("pauseReason", pauseReason.orElse(null));
        n.put("authorizeUrl", authorizeUrl.map(URI::toString).orElse(null));
        n.put("observedAt", observedAt.toString());
        n.put("nextRunAt", text(nextRunAt));
        n.put("consecutiveFailures", consecutiveFailures);
        ObjectNode requests = n.putObject("requests");
        requests.put("usedToday", requestsUsedToday);
        requests.put("dailyBudget", dailyBudget);
        requests.put("remainingToday", remainingToday());
        requests.put("resetsAt", budgetResetsAt.toString());
        ObjectNode tokens = n.putObject("tokens");
        tokens.put("accessTokenExpiresAt", text(accessTokenExpiresAt));
        tokens.put("refreshTokenLapsesAt", text(refreshTokenLapsesAt));
        if (lastRun.isPresent()) {
            n.set("lastRun", run(lastRun.get()));
        } else {
            n.putNull("lastRun");
        }
        if (split.isPresent()) {
            SplitInfo s = split.get();
            ObjectNode o = n.putObject("split");
            o.put("plannedAt", s.plannedAt().toString());
            o.put("estimatedRequests", s.estimatedRequests());
            o.put("remainingBudget", s.remainingBudget());
            o.put("applied", s.applied());
            o.put("left", s.left());
            o.put("resumesAt", s.resumesAt().toString());
            o.put("parts", s.parts());
        } else {
            n.putNull("split");
        }
        if (progress.isPresent()) {
            ProgressView p = progress.get();
            ObjectNode o = n.putObject("progress");
            o.put("phase", p.phase().name());
            o.put("done", p.done());
            o.put("total", p.total());
            o.put("ratePerSecond", Math.round(p.rate() * 1000) / 1000.0);
            o.put("eta", p.eta().map(Duration::toString).orElse(null));
            o.put("updatedAt", p.updatedAt().toString());
        } else {
            n.putNull("progress");
        }
        ArrayNode pending = n.putArray("pendingProducts");
        pendingProducts.forEach(p -> pending.add(product(p)));
        n.put("leaseHolder", leaseHolder.orElse(null));
        return n;
    }

    /**
     * The status as indented JSON (never a token: the status holds none).
     *
     * @return the JSON object
     */
    public String toJson() {
        return write(jsonNode());
    }

    /**
     * Several statuses as one JSON array, in the given order.
     *
     * @param statuses the statuses, e.g. {@code SyncScheduler.statuses()}
     * @return the indented JSON array
     */
    public static String toJson(List<AccountStatus> statuses) {
        ArrayNode array = MAPPER.createArrayNode();
        statuses.forEach(s -> array.add(s.jsonNode()));
        return write(array);
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new CathalogException("cannot write an account status as JSON", e);
        }
    }

    private static ObjectNode run(RunRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("runId", r.runId().orElse(null));
        o.put("trigger", r.trigger().name());
        o.put("owner", r.owner());
        o.put("startedAt", r.startedAt().toString());
        o.put("endedAt", r.endedAt().toString());
        o.put("duration", r.duration().toString());
        o.put("outcome", r.outcome().name());
        ObjectNode counts = o.putObject("counts");
        for (Map.Entry<Outcome, Long> e : r.counts().entrySet()) {
            counts.put(e.getKey().name(), e.getValue());
        }
        putLong(o, "estimatedRequests", r.estimatedRequests());
        putLong(o, "remainingBudget", r.remainingBudget());
        o.put("requestsUsed", r.requestsUsed());
        o.put("split", r.split());
        ArrayNode products = o.putArray("products");
        r.products().forEach(p -> products.add(product(p)));
        o.put("error", r.error().orElse(null));
        return o;
    }

    private static ObjectNode product(ProductRef p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", p.id());
        o.put("sku", p.sku().orElse(null));
        o.put("event", p.event());
        o.put("eventId", p.eventId());
        o.put("date", p.date().toString());
        return o;
    }

    private static void putLong(ObjectNode o, String name, OptionalLong v) {
        if (v.isPresent()) {
            o.put(name, v.getAsLong());
        } else {
            o.putNull(name);
        }
    }

    private static String text(Optional<Instant> i) {
        return i.map(Instant::toString).orElse(null);
    }
}
