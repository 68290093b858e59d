package io.cathalog.core.http.internal;

import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.ErrorCircuit;
import io.cathalog.core.http.RequestEvent;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.RequestListener;
import io.cathalog.core.http.RetryPolicy;
import io.cathalog.core.http.Sleeper;
import io.cathalog.core.http.Usage;
import io.cathalog.core.BlockedException;
import io.cathalog.core.CathalogException;
import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.TransportException;
import io.cathalog.core.internal.TokenChecks;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends an account's API requests: paced by the account's {@link RequestLimiter}, authorized by
 * its {@link AccessTokenProvider}, retried where repeating cannot duplicate anything, stopped by
 * the {@link ErrorCircuit} before the ERP blocks the IP, and reported to the
 * {@link RequestListener}. Thread-safe; one per account and base URL is enough.
 *
 * <p>What is retried: idempotent requests (GET, PUT, DELETE) after a per-second 429, a 5xx or a
 * connection error, with exponential back-off and jitter; POST and PATCH only after a 429 (which
 * the ERP did not process), never after a 5xx or a lost response, where the write may have been
 * applied. A rejected token is refreshed once and the request sent once more.
 */
public final class HttpTransport {
    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());

    private final HttpClient http;
    private final RequestLimiter limiter;
    private final AccessTokenProvider tokens;
    private final ResponseClassifier classifier;
    private final RetryPolicy retry;
    private final ErrorCircuit circuit;
    private final RequestListener listener;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration timeout;
    /** Bling's largest answer, a page of 100 products, is well under a megabyte. */
    static final long MAX_BODY = 32L << 20;
    private final Map<String, String> headers;

    private HttpTransport(Builder b) {
        this.http = b.http;
        this.limiter = Objects.requireNonNull(b.limiter, "limiter");
        this.tokens = Objects.requireNonNull(b.tokens, "tokens");
        this.classifier = Objects.requireNonNull(b.classifier, "classifier");
        this.retry = b.retry;
        this.clock = b.clock;
        this.circuit = b.circuit != null ? b.circuit : ErrorCircuit.defaults(b.clock);
        this.listener = b.listener;
        this.sleeper = b.sleeper;
        this.timeout = b.timeout;
        this.headers = Map.copyOf(b.headers);
    }

    /**
     * A builder; the limiter, the token provider and the classifier are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The account this transport sends for.
     *
     * @return its limiter's account id
     */
    public String accountId() {
        return limiter.accountId();
    }

    /**
     * The account's limiter, for a client that reports its usage.
     *
     * @return the limiter the transport was built with
     */
    public RequestLimiter limiter() {
        return limiter;
    }

    /**
     * Sends the request and returns its successful response.
     *
     * @param request the request; its route template names it in logs and exceptions
     * @return the 2xx response
     * @throws CathalogException a typed leaf: the ERP's error (from the classifier), a daily quota,
     *                           a blocked IP or open circuit, a transport failure; or the
     *                           interruption, wrapped, when the thread is interrupted
     */
    public ApiResponse execute(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        boolean tokenRefreshed = false;
        String rejectedToken = null;
        for (int attempt = 1; ; attempt++) {
            Optional<Instant> open = circuit.openUntil();
            if (open.isPresent()) {
                throw new BlockedException(request.describe(), 0, "CIRCUIT_OPEN", "requests suspended",
                        "too many errors in a short time; no request is sent until " + open.get());
            }
            RequestLimiter.Permit permit = permit(request);
            String token = null;
            Instant start = clock.instant();
            HttpResponse<byte[]> raw;
            // The permit is closed the moment the answer or the failure is here (before any catch
            // runs): the ERP counted the request before that, so the window counts it until then.
            try (permit) {
                token = rejectedToken != null ? tokens.refreshAfterRejection(rejectedToken) : tokens.accessToken();
                rejectedToken = null;
                start = clock.instant();
                raw = sendWithin(toHttp(request, token));
            } catch (BoundedBody.TooLarge e) {
                circuit.recordError();
                throw new TransportException(request.describe(), e.getMessage()
                        + (request.isIdempotent() ? "" : "; the write may or may not have been applied"), e);
            } catch (IOException e) {
                Duration took = Duration.between(start, clock.instant());
                circuit.recordError();
                notify(new RequestEvent(accountId(), request.method(), request.route(), 0, took, attempt,
                        Optional.of(e.getClass().getSimpleName())));
                if (request.isIdempotent() && attempt < retry.maxAttempts()) {
                    LOG.log(Level.DEBUG, () -> request.describe() + " got no response (" + e.getClass().getSimpleName()
                            + "); retrying");
                    backoff(request, attempt);
                    continue;
                }
                throw new TransportException(request.describe(), "no response from " + request.uri().getHost()
                        + ":" + request.uri().getPort() + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"
                        + (request.isIdempotent() ? " after " + attempt + " attempts"
                        : "; the write may or may not have been applied"), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CathalogException("interrupted while sending " + request.describe(), e);
            }
            Duration took = Duration.between(start, clock.instant());
            ApiResponse response = new ApiResponse(raw.statusCode(), raw.headers(), raw.body(), attempt);
            notify(new RequestEvent(accountId(), request.method(), request.route(), response.status(), took, attempt,
                    Optional.empty()));
            final int tried = attempt;
            LOG.log(Level.DEBUG, () -> request.describe() + " -> " + response.status() + " in " + took.toMillis()
                    + " ms (attempt " + tried + ")");

            if (response.status() == 404 && request.method().equals("DELETE") && attempt > 1) {
                // An earlier attempt deleted it and lost its answer: gone is what was asked.
                return new ApiResponse(204, response.headers(), new byte[0], attempt);
            }
            ResponseClassifier.Kind kind = classifier.classify(request, response);
            if (kind instanceof ResponseClassifier.Kind.Success) {
                return response;
            }
            if (response.status() >= 400) {
                circuit.recordError();
            }
            if (kind instanceof ResponseClassifier.Kind.TokenRejected && !tokenRefreshed) {
                tokenRefreshed = true;
                rejectedToken = token;
                continue;
            }
            if (kind instanceof ResponseClassifier.Kind.RateLimited limited) {
                limiter.pause(limited.pause().isZero() ? retry.rateLimitPause() : limited.pause());
                if ((request.isIdempotent() || retry.retryWritesOnRateLimit()) && attempt < retry.maxAttempts()) {
                    continue;
                }
            } else if (kind instanceof ResponseClassifier.Kind.DailyQuotaExhausted) {
                Instant reset = limiter.nextReset();
                limiter.quotaExhausted(reset);
                Usage usage = limiter.usage();
                throw new DailyQuotaExceededException(accountId(), usage.dailyBudget(), usage.usedToday(), reset, true);
            } else if (kind instanceof ResponseClassifier.Kind.Blocked blocked) {
                circuit.open(blocked.duration());
            } else if (kind instanceof ResponseClassifier.Kind.ServerError
                    && request.isIdempotent() && attempt < retry.maxAttempts()) {
                backoff(request, attempt);
                continue;
            }
            throw classifier.failure(request, response);
        }
    }

    private RequestLimiter.Permit permit(ApiRequest request) {
        try {
            return limiter.acquirePermit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CathalogException("interrupted while waiting to send " + request.describe(), e);
        }
    }

    private void backoff(ApiRequest request, int attempt) {
        try {
            sleeper.sleep(retry.backoff(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CathalogException("interrupted while backing off " + request.describe(), e);
        }
    }

    /**
     * Sends and reads the whole answer within the timeout. The JDK's own request timeout stops
     * counting once the headers arrive, so a body that stalls half way would hold the caller for
     * ever; here the whole exchange has the deadline, and the exchange is abandoned past it.
     */
    private HttpResponse<byte[]> sendWithin(HttpRequest request) throws IOException, InterruptedException {
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> answer =
                http.sendAsync(request, BoundedBody.handler(MAX_BODY));
        try {
            return answer.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new java.net.http.HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof BoundedBody.TooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private HttpRequest toHttp(ApiRequest request, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        try {
            headers.forEach(b::header);
        } catch (IllegalArgumentException e) {
            // The JDK's message quotes the value: never let a header value reach a message.
            throw new IllegalArgumentException("a configured request header is invalid (its value is not shown)");
        }
        b.header("Authorization", "Bearer " + TokenChecks.requireSendable("the access token", token));
        b.header("Accept", "application/json");
        if (request.body().isPresent()) {
            b.header("Content-Type", "application/json");
            b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body().get()));
        } else {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private void notify(RequestEvent event) {
        try {
            listener.onRequest(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request listener failed; ignored", e);
        }
    }

    /** Parts of a transport; the limiter, the token provider and the classifier are required. */
    public static final class Builder {
        private HttpClient http;
        private RequestLimiter limiter;
        private AccessTokenProvider tokens;
        private ResponseClassifier classifier;
        private RetryPolicy retry = RetryPolicy.defaults();
        private ErrorCircuit circuit;
        private RequestListener listener = RequestListener.NONE;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Duration timeout = Duration.ofSeconds(30);
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The JDK client to send with; default: a new one with a 10 s connect time-out.
         *
         * @param http the client
         * @return this builder
         */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /**
         * The account's limiter (required), shared with every other client of the account.
         *
         * @param limiter the limiter; it names the account
         * @return this builder
         */
        public Builder limiter(RequestLimiter limiter) {
            this.limiter = Objects.requireNonNull(limiter, "limiter");
            return this;
        }

        /**
         * Where access tokens come from (required).
         *
         * @param tokens the account's token provider
         * @return this builder
         */
        public Builder tokens(AccessTokenProvider tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /**
         * How the ERP's answers are read (required); the ERP module supplies it.
         *
         * @param classifier the ERP's classifier
         * @return this builder
         */
        public Builder classifier(ResponseClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * How to retry; default {@link RetryPolicy#defaults()}.
         *
         * @param retry the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * Share one circuit among the clients that leave from one IP; default: one of its own.
         *
         * @param circuit the shared circuit
         * @return this builder
         */
        public Builder circuit(ErrorCircuit circuit) {
            this.circuit = Objects.requireNonNull(circuit, "circuit");
            return this;
        }

        /**
         * Who hears of every attempt; default {@link RequestListener#NONE}.
         *
         * @param listener the listener, e.g. a host's metrics
         * @return this builder
         */
        public Builder listener(RequestListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The clock attempts are timed with; default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the transport waits between attempts; default {@link Sleeper#SYSTEM}.
         *
         * @param sleeper the sleeper; a test's drives a fake clock
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * How long one attempt may take, response body included; default 30 s.
         *
         * @param timeout the time-out of one attempt
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * A header sent with every request (e.g. {@code User-Agent}); not for secrets.
         *
         * @param name  the header's name; not {@code Authorization}
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is {@code Authorization}
         */
        public Builder header(String name, String value) {
            if (name.equalsIgnoreCase("Authorization")) {
                throw new IllegalArgumentException("the Authorization header comes from the token provider");
            }
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The transport.
         *
         * @return a transport for the limiter's account
         * @throws NullPointerException if the limiter, the token provider or the classifier is missing
         */
        public HttpTransport build() {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            }
            return new HttpTransport(this);
        }
    }
}
