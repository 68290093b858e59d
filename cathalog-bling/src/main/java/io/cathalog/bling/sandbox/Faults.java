package io.cathalog.bling.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Fault injection for tests. A fault targets one route (its key as in the request log, e.g.
 * {@code "PUT /produtos/{idProduto}"}, including {@code "POST /oauth/token"}) or every route
 * ({@link #ANY_ROUTE}). Counted faults apply to the next matching requests and then disappear.
 */
public final class Faults {
    /** Targets every route. */
    public static final String ANY_ROUTE = "*";
    private static final String TOKEN_ROUTE = "POST /oauth/token";

    private final Set<String> routes;
    private final OAuthService oauth;
    private final int perSecondLimit;
    private final List<Rule> rules = new ArrayList<>();

    private enum Kind { STATUS, TOO_MANY, LATENCY, LOSE, HOSTILE, CHAOS }

    /**
     * Random trouble for a reliability suite, drawn per request from a seeded generator so that a
     * run can be replayed: with probability {@code serverErrors} a 503 (not applied), with
     * {@code lostResponses} the request is applied and its answer lost, and with
     * {@code burstStarts} a burst of {@code burstLength} consecutive 429s begins.
     *
     * @param serverErrors  the probability of a 503, not applied; at least 0
     * @param lostResponses the probability of a lost answer to an applied request; at least 0
     * @param burstStarts   the probability that a burst of 429s begins; at least 0
     * @param burstLength   how many consecutive requests a burst refuses; at least 1
     * @param seed          the generator's seed, to replay a run
     */
    public record Chaos(double serverErrors, double lostResponses, double burstStarts, int burstLength, long seed) {
        /**
         * @param serverErrors  the probability of a 503, not applied; at least 0
         * @param lostResponses the probability of a lost answer to an applied request; at least 0
         * @param burstStarts   the probability that a burst of 429s begins; at least 0
         * @param burstLength   how many consecutive requests a burst refuses; at least 1
         * @param seed          the generator's seed, to replay a run
         * @throws IllegalArgumentException if a probability is negative, they add up to more than 1, or
         *                                  {@code burstLength} is below 1
         */
        public Chaos {
            if (serverErrors < 0 || lostResponses < 0 || burstStarts < 0
                    || serverErrors + lostResponses + burstStarts > 1) {
                throw new IllegalArgumentException("chaos probabilities must be at least 0 and add up to at most 1");
            }
            if (burstLength < 1) {
                throw new IllegalArgumentException("burstLength must be at least 1, got " + burstLength);
            }
        }
    }

    /**
     * Answers no well-behaved Bling sends, for {@link #hostileBody}. Each replaces the answer of a
     * request that was handled (applied, for a write).
     */
    public enum HostileBody {
        /** Every {@code "id"} inside {@code data} is the string {@code "abc"}. */
        ID_NOT_A_NUMBER,
        /** {@code data} is an object (a list's first item, or {@code {}}), not a list. */
        DATA_NOT_A_LIST,
        /** Every text value inside {@code data} is the number {@code 42}. */
        NUMBER_FOR_TEXT,
        /** A list answers ten times {@code limite} items (its own items, repeated). */
        OVERSIZED_PAGE,
        /** The answer carries an unknown field holding a 48 MB string: more than a client should read. */
        HUGE_BODY,
        /** 502 with a 1 MB {@code text/html} page, as a proxy in front of Bling sends. */
        HTML_502,
        /** 200 with a {@code text/html} page. */
        HTML_200,
        /** {@code Content-Length} says twice what is sent, then the connection closes. */
        SHORT_BODY,
        /** The JSON stops half way ({@code Content-Length} matches what is sent). */
        CUT_JSON,
        /** 200 with no body at all. */
        EMPTY_200,
        /** Headers and half the body, then nothing more for a minute (or until the sandbox closes). */
        STALLED_BODY
    }

    private static final class Rule {
        final Kind kind;
        final String route;
        int remaining;
        final int status;
        final Duration delay;
        final Optional<HostileBody> body;
        Optional<Chaos> chaos = Optional.empty();
        java.util.Random random;
        int burstLeft;

        Rule(Kind kind, String route, int remaining, int status, Duration delay) {
            this(kind, route, remaining, status, delay, Optional.empty());
        }

        Rule(Kind kind, String route, int remaining, int status, Duration delay, Optional<HostileBody> body) {
            this.kind = kind;
            this.route = route;
            this.remaining = remaining;
            this.status = status;
            this.delay = delay;
            this.body = body;
        }

        boolean matches(String key) {
            return route.equals(ANY_ROUTE) || route.equals(key);
        }
    }

    /** What the front must do to one request. */
    record Decision(Duration delay, Optional<ApiException> failure, boolean loseResponse,
                    Optional<HostileBody> hostile) {
    }

    Faults(Set<String> routes, OAuthService oauth, int perSecondLimit) {
        this.routes = Set.copyOf(routes);
        this.oauth = oauth;
        this.perSecondLimit = perSecondLimit;
    }

    /**
     * The next {@code times} requests to {@code route} fail with {@code status} (500-599) and are not applied.
     *
     * @param route a route key, e.g. {@code "PUT /produtos/{idProduto}"}, or {@link #ANY_ROUTE}
     * @param status the status to answer, 500 to 599
     * @param times how many matching requests; at least 1
     * @return these faults, for chaining
     * @throws IllegalArgumentException if the route is unknown, {@code status} is not 5xx or
     *                                  {@code times} is below 1
     */
    public synchronized Faults serverError(String route, int status, int times) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("serverError status must be 5xx, got " + status);
        }
        rules.add(new Rule(Kind.STATUS, check(route), positive(times), status, Duration.ZERO));
        return this;
    }

    /**
     * The next {@code times} requests to {@code route} get Bling's per-second 429 and are not applied.
     *
     * @param route a route key, e.g. {@code "PUT /produtos/{idProduto}"}, or {@link #ANY_ROUTE}
     * @param times how many matching requests; at least 1
     * @return these faults, for chaining
     * @throws IllegalArgumentException if the route is unknown or {@code times} is below 1
     */
    public synchronized Faults tooManyRequests(String route, int times) {
        rules.add(new Rule(Kind.TOO_MANY, check(route), positive(times), 429, Duration.ZERO));
        return this;
    }

    /**
     * Every request to {@code route} waits {@code delay} (real time) before it is handled, until {@link #clear()}.
     *
     * @param route a route key, e.g. {@code "PUT /produtos/{idProduto}"}, or {@link #ANY_ROUTE}
     * @param delay how long each request waits; not negative
     * @return these faults, for chaining
     * @throws IllegalArgumentException if the route is unknown or {@code delay} is negative
     */
    public synchronized Faults latency(String route, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        rules.add(new Rule(Kind.LATENCY, check(route), Integer.MAX_VALUE, 0, delay));
        return this;
    }

    /**
     * The next {@code times} requests to {@code route} are applied, then the connection is closed
     * without any response: the client sees an {@link java.io.IOException} and cannot tell whether
     * the write happened.
     *
     * @param route a route key, e.g. {@code "PUT /produtos/{idProduto}"}, or {@link #ANY_ROUTE}
     * @param times how many matching requests; at least 1
     * @return these faults, for chaining
     * @throws IllegalArgumentException if the route is unknown or {@code times} is below 1
     */
    public synchronized Faults loseResponse(String route, int times) {
        rules.add(new Rule(Kind.LOSE, check(route), positive(times), 0, Duration.ZERO));
        return this;
    }

    /**
     * The next {@code times} requests to {@code route} are handled as usual (a write is applied),
     * then answered with {@code body} instead of the real answer.
     *
     * @param route a route key, e.g. {@code "PUT /produtos/{idProduto}"}, or {@link #ANY_ROUTE}
     * @param body  the answer to send instead
     * @param times how many matching requests; at least 1
     * @return these faults, for chaining
     * @throws IllegalArgumentException if the route is unknown or {@code times} is below 1
     */
    public synchronized Faults hostileBody(String route, HostileBody body, int times) {
        Objects.requireNonNull(body, "body");
        rules.add(new Rule(Kind.HOSTILE, check(route), positive(times), 0, Duration.ZERO, Optional.of(body)));
        return this;
    }

    /**
     * Until {@link #clear()}, every request to {@code route} meets {@code chaos}. With
     * {@link #ANY_ROUTE} the token endpoint is spared (target {@code "POST /oauth/token"} to
     * include it): these are the API's troubles, not the authorization server's.
     *
     * @param route a route key, e.g. {@code "PUT /produtos/{idProduto}"}, or {@link #ANY_ROUTE}
     * @param chaos the probabilities and seed
     * @return these faults, for chaining
     * @throws IllegalArgumentException if the route is unknown
     */
    public synchronized Faults chaos(String route, Chaos chaos) {
        Objects.requireNonNull(chaos, "chaos");
        Rule r = new Rule(Kind.CHAOS, check(route), Integer.MAX_VALUE, 503, Duration.ZERO);
        r.chaos = Optional.of(chaos);
        r.random = new java.util.Random(chaos.seed());
        rules.add(r);
        return this;
    }

    /**
     * Every access token of the account expires now (refresh tokens stay valid).
     *
     * @param accountId the sandbox account
     * @return these faults, for chaining
     */
    public Faults expireAccessTokensNow(String accountId) {
        oauth.expireAccessNow(accountId);
        return this;
    }

    /**
     * The user revokes the app: every code, access and refresh token of that app for that account dies.
     *
     * @param clientId  the app's client id
     * @param accountId the sandbox account
     * @return these faults, for chaining
     */
    public Faults revokeAuthorization(String clientId, String accountId) {
        oauth.revoke(clientId, accountId);
        return this;
    }

    /** Removes every pending fault and latency. */
    public synchronized void clear() {
        rules.clear();
    }

    synchronized Decision decide(String routeKey) {
        Duration delay = Duration.ZERO;
        Optional<ApiException> failure = Optional.empty();
        boolean lose = false;
        Optional<HostileBody> hostile = Optional.empty();
        // The counted rules that lost the answer and replaced it, to give their count back if unused.
        Optional<Rule> lostBy = Optional.empty();
        Optional<Rule> hostileBy = Optional.empty();
        for (Rule r : rules) {
            if (!r.matches(routeKey) || r.remaining <= 0) {
                continue;
            }
            switch (r.kind) {
                case LATENCY -> delay = delay.plus(r.delay);
                case STATUS -> {
                    if (failure.isEmpty()) {
                        r.remaining--;
                        failure = Optional.of(serverError(r.status));
                    }
                }
                case TOO_MANY -> {
                    if (failure.isEmpty()) {
                        r.remaining--;
                        failure = Optional.of(RateLimiter.tooManyPerSecond(perSecondLimit));
                    }
                }
                case LOSE -> {
                    if (!lose) {
                        r.remaining--;
                        lose = true;
                        lostBy = Optional.of(r);
                    }
                }
                case HOSTILE -> {
                    if (hostile.isEmpty()) {
                        r.remaining--;
                        hostile = r.body;
                        hostileBy = Optional.of(r);
                    }
                }
                case CHAOS -> {
                    if (failure.isEmpty() && !lose && !(r.route.equals(ANY_ROUTE) && routeKey.equals(TOKEN_ROUTE))) {
                        Chaos c = r.chaos.orElseThrow();
                        double draw = r.random.nextDouble();
                        if (r.burstLeft > 0 || draw >= 1 - c.burstStarts()) {
                            r.burstLeft = r.burstLeft > 0 ? r.burstLeft - 1 : c.burstLength() - 1;
                            failure = Optional.of(RateLimiter.tooManyPerSecond(perSecondLimit));
                        } else if (draw < c.serverErrors()) {
                            failure = Optional.of(serverError(503));
                        } else if (draw < c.serverErrors() + c.lostResponses()) {
                            lose = true;
                        }
                    }
                }
            }
        }
        if (failure.isPresent() && lose) {
            // A failed request is not applied, so there is nothing to lose: give the count back.
            lostBy.ifPresent(r -> r.remaining++);
            lose = false;
        }
        if ((failure.isPresent() || lose) && hostile.isPresent()) {
            // Nothing is answered to replace: give the count back.
            hostileBy.ifPresent(r -> r.remaining++);
            hostile = Optional.empty();
        }
        rules.removeIf(r -> r.remaining <= 0);
        return new Decision(delay, failure, lose, hostile);
    }

    private static ApiException serverError(int status) {
        return new ApiException(status, "SERVER_ERROR", "Erro interno",
                "Falha simulada pelo sandbox (HTTP " + status + ").");
    }

    private String check(String route) {
        Objects.requireNonNull(route, "route");
        if (!route.equals(ANY_ROUTE) && !routes.contains(route)) {
            throw new IllegalArgumentException("unknown route '" + route + "'; use Faults.ANY_ROUTE or one of " + routes);
        }
        return route;
    }

    private static int positive(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        return times;
    }
}
