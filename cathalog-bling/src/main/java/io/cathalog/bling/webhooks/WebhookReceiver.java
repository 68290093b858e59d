package io.cathalog.bling.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cathalog.core.jobs.ProductRef;
import io.cathalog.core.jobs.SyncScheduler;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Receives Bling's webhooks, framework-agnostic: hand it the raw request body and the headers
 * from any HTTP server (a servlet, Spring, the JDK's server) and answer with the
 * {@link Response}'s status and body. It returns at once: nothing is synced on the caller's
 * thread (Bling wants a 2xx within 5 seconds).
 *
 * <p>Per delivery, in this order:
 * <ol>
 *   <li><b>413</b> when the body is larger than {@link Builder#maxBodyBytes} (before spending an
 *       HMAC on it);</li>
 *   <li><b>401</b> when {@code X-Bling-Signature-256} is missing, repeated, malformed, or not
 *       {@code sha256=} + the hex HMAC-SHA256 of the raw body keyed with the app's client secret
 *       (compared in constant time, before anything is parsed);</li>
 *   <li><b>400</b> when the (authentic) body is not an event: not JSON, or without
 *       {@code eventId}, {@code event}, {@code companyId} or a valid {@code date};</li>
 *   <li><b>400</b> when the event is older than {@link Builder#maxEventAge} (Bling retries for 3
 *       days at most; anything older is a replay this receiver can no longer recognise) or more
 *       than 5 minutes in the future;</li>
 *   <li><b>200</b> "duplicate" when the {@code eventId} was accepted before (Bling may deliver
 *       twice; a replayed delivery lands here too);</li>
 *   <li><b>200</b> "ignored" for events of other resources (orders, stock, ...) and for companies
 *       that map to no account here: a 2xx, so that Bling does not retry them for 3 days and then
 *       disable the webhook;</li>
 *   <li><b>202</b> "accepted" for {@code product.created|updated|deleted}: the product is queued
 *       for its account and the scheduler is asked for an immediate incremental sync;</li>
 *   <li><b>503</b> when the scheduler cannot take it (shut down): Bling delivers it again later,
 *       and the event id is forgotten so that the retry is accepted.</li>
 * </ol>
 *
 * <p>Never logs the secret, a signature or a body.
 */
public final class WebhookReceiver {
    private static final System.Logger LOG = System.getLogger(WebhookReceiver.class.getName());
    /** The header Bling signs with. */
    public static final String SIGNATURE_HEADER = "X-Bling-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final Set<String> PRODUCT_EVENTS = Set.of("product.created", "product.updated", "product.deleted");
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private final SecretKeySpec key;
    private final Function<String, Optional<String>> accounts;
    private final Sink sink;
    private final Clock clock;
    private final Duration maxEventAge;
    private final int maxBodyBytes;
    private final Cache<String, Instant> seen;
    private final ObjectMapper mapper = new ObjectMapper();

    /** What the receiver hands accepted product events to; the {@link SyncScheduler} is one. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Queue the products and make the account's next sync come now; return at once.
         *
         * @param accountId the host's account the event's company maps to
         * @param products  the products the event names
         * @return false when the account is unknown
         */
        boolean productsChanged(String accountId, List<ProductRef> products);
    }

    /**
     * The answer to give Bling.
     *
     * @param status the HTTP status
     * @param body   a short plain-text explanation (never a secret)
     */
    public record Response(int status, String body) {
        /**
         * @param status the HTTP status
         * @param body   a short plain-text explanation (never a secret)
         * @throws NullPointerException if {@code body} is null
         */
        public Response {
            Objects.requireNonNull(body, "body");
        }

        /**
         * Whether Bling will take the delivery as done.
         *
         * @return true for a 2xx status; otherwise Bling delivers again later
         */
        public boolean success() {
            return status >= 200 && status < 300;
        }
    }

    private WebhookReceiver(Builder b) {
        this.key = new SecretKeySpec(b.clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.accounts = b.accounts;
        this.sink = b.sink;
        this.clock = b.clock;
        this.maxEventAge = b.maxEventAge;
        this.maxBodyBytes = b.maxBodyBytes;
        Clock c = b.clock;
        // The dedupe window covers every retry Bling makes; its clock is the receiver's clock.
        this.seen = Caffeine.newBuilder().maximumSize(b.dedupeSize).expireAfterWrite(b.maxEventAge)
                .ticker(() -> {
                    Instant now = c.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .executor(Runnable::run).build();
    }

    /**
     * A builder; the client secret and a sink (or a scheduler) are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one delivery; never throws for anything the request holds.
     *
     * @param rawBody the request body exactly as it arrived (the signature is over these bytes)
     * @param headers the request headers; names are matched ignoring case
     * @return the status and body to answer Bling with
     */
    public Response receive(byte[] rawBody, Map<String, List<String>> headers) {
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(headers, "headers");
        if (rawBody.length > maxBodyBytes) {
            return new Response(413, "payload too large");
        }
        if (!authentic(rawBody, headers)) {
            LOG.log(Level.WARNING, "webhook refused: missing or invalid " + SIGNATURE_HEADER);
            return new Response(401, "invalid signature");
        }
        JsonNode event;
        try {
            event = mapper.readTree(rawBody);
        } catch (java.io.IOException e) {
            return new Response(400, "not JSON");
        }
        if (event == null || !event.isObject()) {
            return new Response(400, "not an event");
        }
        String eventId = event.path("eventId").asText("");
        String type = event.path("event").asText("");
        String companyId = event.path("companyId").asText("");
        if (eventId.isBlank() || type.isBlank() || companyId.isBlank()) {
            return new Response(400, "eventId, event and companyId are required");
        }
        Instant date;
        try {
            date = Instant.parse(event.path("date").asText(""));
        } catch (DateTimeParseException e) {
            return new Response(400, "date is not an ISO-8601 instant");
        }
        Instant now = clock.instant();
        if (date.isBefore(now.minus(maxEventAge)) || date.isAfter(now.plus(FUTURE_SKEW))) {
            LOG.log(Level.WARNING, "webhook {0} refused: dated {1}, outside the accepted window", eventId, date);
            return new Response(400, "event outside the accepted time window");
        }
        if (seen.asMap().putIfAbsent(eventId, now) != null) {
            LOG.log(Level.DEBUG, () -> "webhook " + eventId + " is a duplicate; ignored");
            return new Response(200, "duplicate");
        }
        if (!PRODUCT_EVENTS.contains(type)) {
            return new Response(200, "ignored: " + type);
        }
        Optional<String> account = accounts.apply(companyId);
        if (account.isEmpty()) {
            LOG.log(Level.INFO, "webhook {0} for an unknown company; ignored", eventId);
            return new Response(200, "ignored: unknown company");
        }
        JsonNode data = event.path("data");
        long id = data.path("id").asLong(0);
        if (id <= 0) {
            seen.invalidate(eventId);
            return new Response(400, "data.id is required");
        }
        String sku = data.path("codigo").asText("");
        ProductRef ref = new ProductRef(id, sku.isBlank() ? Optional.empty() : Optional.of(sku), type, eventId, date);
        boolean taken;
        try {
            taken = sink.productsChanged(account.get(), List.of(ref));
        } catch (RuntimeException e) {
            seen.invalidate(eventId);
            LOG.log(Level.WARNING, "webhook " + eventId + " could not be queued; Bling will deliver it again", e);
            return new Response(503, "not accepting events now");
        }
        if (!taken) {
            return new Response(200, "ignored: account not scheduled here");
        }
        LOG.log(Level.INFO, "webhook {0}: {1} of product {2} queued for account {3}", eventId, type, id, account.get());
        return new Response(202, "accepted");
    }

    private boolean authentic(byte[] body, Map<String, List<String>> headers) {
        List<String> values = headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(SIGNATURE_HEADER))
                .flatMap(e -> e.getValue().stream()).toList();
        if (values.size() != 1) {
            return false;
        }
        String value = values.get(0).strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(body), given);
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The {@code X-Bling-Signature-256} value for a body: for tests and for emulating Bling.
     *
     * @param body         the request body
     * @param clientSecret the app's client secret, the HMAC key
     * @return {@code sha256=} and the hex HMAC-SHA256 of the body
     */
    public static String signature(byte[] body, String clientSecret) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(clientSecret, "clientSecret");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookReceiver[" + seen.estimatedSize() + " event ids remembered]";
    }

    /** Builds a {@link WebhookReceiver}; the client secret and the sink are required. */
    public static final class Builder {
        private String clientSecret;
        private Function<String, Optional<String>> accounts = Optional::of;
        private Sink sink;
        private Clock clock = Clock.systemUTC();
        private Duration maxEventAge = Duration.ofDays(3).plusHours(1);
        private long dedupeSize = 100_000;
        private int maxBodyBytes = 1 << 20;

        private Builder() {
        }

        /**
         * The app's client secret, the HMAC key (required).
         *
         * @param secret the secret Bling gave the app
         * @return this builder
         * @throws IllegalArgumentException if the secret is blank
         */
        public Builder clientSecret(String secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.isBlank()) {
                throw new IllegalArgumentException("the client secret must not be blank");
            }
            this.clientSecret = secret;
            return this;
        }

        /**
         * Which account a Bling {@code companyId} is; default the company id itself.
         *
         * @param companyToAccount gives the host's account id of a company; empty to ignore its events
         * @return this builder
         */
        public Builder accounts(Function<String, Optional<String>> companyToAccount) {
            this.accounts = Objects.requireNonNull(companyToAccount, "companyToAccount");
            return this;
        }

        /**
         * A fixed company-to-account map.
         *
         * @param companyToAccount the host's account id by Bling {@code companyId}; copied; companies
         *                         not in it are ignored
         * @return this builder
         */
        public Builder accounts(Map<String, String> companyToAccount) {
            Map<String, String> copy = Map.copyOf(companyToAccount);
            this.accounts = c -> Optional.ofNullable(copy.get(c));
            return this;
        }

        /**
         * Where accepted product events go (required, or {@link #scheduler}).
         *
         * @param sink the sink; called on the request's thread, so it must return at once
         * @return this builder
         */
        public Builder sink(Sink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Accepted product events make the scheduler sync the account now.
         *
         * @param scheduler the host's scheduler; becomes the sink
         * @return this builder
         */
        public Builder scheduler(SyncScheduler scheduler) {
            Objects.requireNonNull(scheduler, "scheduler");
            this.sink = scheduler::requestSync;
            return this;
        }

        /**
         * The clock events are aged and remembered by; default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How old an event may be, and how long event ids are remembered for deduplication; default
         * 3 days and 1 hour (Bling retries for up to 3 days).
         *
         * @param age the age; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code age} is not positive
         */
        public Builder maxEventAge(Duration age) {
            Objects.requireNonNull(age, "age");
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("maxEventAge must be positive, got " + age);
            }
            this.maxEventAge = age;
            return this;
        }

        /**
         * How many event ids are remembered at most; default 100 000.
         *
         * @param size the most ids kept; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is below 1
         */
        public Builder dedupeSize(long size) {
            if (size < 1) {
                throw new IllegalArgumentException("dedupeSize is at least 1, got " + size);
            }
            this.dedupeSize = size;
            return this;
        }

        /**
         * The largest body accepted; default 1 MiB.
         *
         * @param bytes the limit in bytes; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is below 1
         */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes is at least 1, got " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * The receiver.
         *
         * @return a receiver, ready for deliveries
         * @throws IllegalStateException if the client secret or the sink was not given
         */
        public WebhookReceiver build() {
            if (clientSecret == null || sink == null) {
                throw new IllegalStateException("a WebhookReceiver needs clientSecret(...) and sink(...) (or scheduler(...))");
            }
            return new WebhookReceiver(this);
        }
    }
}
