package io.cathalog.bling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.dto.BlingCompany;
import io.cathalog.bling.internal.Nodes;
import io.cathalog.bling.internal.Query;
import io.cathalog.core.TransportException;
import io.cathalog.core.http.AccessTokenProvider;
import io.cathalog.core.http.internal.ApiRequest;
import io.cathalog.core.http.internal.ApiResponse;
import io.cathalog.core.http.ErrorCircuit;
import io.cathalog.core.http.internal.HttpTransport;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.http.RequestListener;
import io.cathalog.core.http.RetryPolicy;
import io.cathalog.core.http.Sleeper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * A typed client of one Bling account's API v3. Build one per account (or several: they share the
 * account's {@link RequestLimiter}); it is thread-safe.
 *
 * <pre>{@code
 * RequestLimiter limiter = LocalRequestLimiter.builder("acme", BlingPacing.standard()).build();
 * BlingClient bling = BlingClient.builder()
 *         .tokens(tokenProvider)          // the OAuth token manager's, for the account
 *         .limiter(limiter)
 *         .build();
 * bling.products().list(ProductFilter.all()).forEach(p -> ...);
 * }</pre>
 *
 * <p>Every call may throw a {@link io.cathalog.core.CathalogException} leaf: Bling's own error
 * ({@link io.cathalog.core.RemoteValidationException} with its fields,
 * {@link io.cathalog.core.NotFoundException}, ...), a spent daily quota, a blocked IP, or a
 * transport failure.
 */
public final class BlingClient {
    /** Bling's API base URL. */
    public static final URI PRODUCTION = URI.create("https://api.bling.com.br/Api/v3");
    /** What Bling's datetime filters look like, in Bling's time zone. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String VERSION = version();

    private final String base;
    private final HttpTransport transport;
    private final ZoneId zone;
    private final Clock clock;

    private BlingClient(Builder b, HttpTransport transport) {
        String url = b.baseUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.transport = transport;
        this.zone = b.zone;
        this.clock = b.clock;
    }

    /**
     * Starts a client of Bling's production API; {@link Builder#tokens} and {@link Builder#limiter}
     * are required.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The account this client works for (its limiter's).
     *
     * @return the host's account id
     */
    public String accountId() {
        return transport.accountId();
    }

    /**
     * The account's limiter: requests used today and the budget.
     *
     * @return the limiter shared by the account's clients
     */
    public RequestLimiter limiter() {
        return transport.limiter();
    }

    /**
     * The time source of this client's requests and filters.
     *
     * @return the clock the builder was given (the system clock unless set)
     */
    public Clock clock() {
        return clock;
    }

    /**
     * {@code /categorias/produtos}: the account's product categories.
     *
     * @return the categories API
     */
    public ProductCategories categories() {
        return new ProductCategories(this);
    }

    /**
     * {@code /categorias/lojas}: links of product categories to marketplace categories per store.
     *
     * @return the category links API
     */
    public StoreCategoryLinks storeCategoryLinks() {
        return new StoreCategoryLinks(this);
    }

    /**
     * {@code /produtos}: the account's products.
     *
     * @return the products API
     */
    public Products products() {
        return new Products(this);
    }

    /**
     * {@code /produtos/lojas}: links of products to stores.
     *
     * @return the product links API
     */
    public ProductStoreLinks productStoreLinks() {
        return new ProductStoreLinks(this);
    }

    /**
     * {@code /campos-customizados}: custom fields and their values.
     *
     * @return the custom fields API
     */
    public CustomFields customFields() {
        return new CustomFields(this);
    }

    /**
     * {@code /canais-venda}: the account's stores.
     *
     * @return the sales channels API
     */
    public SalesChannels salesChannels() {
        return new SalesChannels(this);
    }

    /**
     * {@code /anuncios}: listings and the marketplace categories Bling serves per store.
     *
     * @return the listings API
     */
    public Listings listings() {
        return new Listings(this);
    }

    /**
     * {@code GET /empresas/me/dados-basicos}: the company that owns the account.
     *
     * @return its basic data
     */
    public BlingCompany company() {
        return BlingCompany.from(data(call("GET", "/empresas/me/dados-basicos", "/empresas/me/dados-basicos",
                new Query(), null)));
    }

    // ---------------------------------------------------------------- plumbing for the resources

    /** A Bling datetime filter value for an instant, in Bling's zone. */
    String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    JsonNode call(String method, String route, String path, Query query, ObjectNode body) {
        URI uri = URI.create(base + path + query.render());
        Optional<byte[]> bytes = Optional.ofNullable(body).map(b -> b.toString().getBytes(StandardCharsets.UTF_8));
        ApiResponse response = transport.execute(new ApiRequest(method, route, uri, bytes));
        String maybe = method.equals("GET") ? "" : "; the write may or may not have been applied";
        JsonNode root;
        try {
            root = response.body().length == 0 ? Nodes.object() : Nodes.MAPPER.readTree(response.body());
        } catch (IOException e) {
            String why = String.valueOf(e instanceof JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage());
            throw new TransportException(method + " " + route, "Bling answered " + response.status()
                    + " with a body that is not JSON (" + e.getClass().getSimpleName() + ": "
                    + (why.length() > 200 ? why.substring(0, 200) + "..." : why) + ")" + maybe, e);
        }
        boolean empty = response.body().length == 0 || root.isMissingNode();
        // A read answers data and a create (every POST here) the new id: read leniently, an answer
        // without them would say "nothing there" or "id 0", and the engine would act on it.
        if (method.equals("GET") && empty) {
            throw new TransportException(method + " " + route, "Bling answered " + response.status()
                    + " with an empty body", null);
        }
        if (method.equals("POST") && Nodes.integer(data(root), "id").orElse(0) <= 0) {
            throw new TransportException(method + " " + route, "Bling answered " + response.status()
                    + (empty ? " with an empty body" : " without the new record's id: " + quote(data(root).get("id")))
                    + maybe, null);
        }
        return empty ? Nodes.object() : root;
    }

    /** A POST that answers 204 without a body (publishing or pausing a listing): no id to check. */
    void action(String route, String path, Query query) {
        transport.execute(new ApiRequest("POST", route, URI.create(base + path + query.render()), Optional.empty()));
    }

    /**
     * The items of a list answer. {@code data} must be a list of objects, each with a positive whole
     * {@code id} and the named fields, when present, text: read leniently, anything else would show
     * the engine an empty or a different account, and it would write to match.
     */
    static List<JsonNode> items(String route, JsonNode root, String... textFields) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new TransportException(route, "Bling answered a list whose 'data' is "
                    + (data == null ? "missing" : data.getNodeType().toString().toLowerCase(Locale.ROOT)), null);
        }
        List<JsonNode> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            OptionalLong id = item.isObject() ? Nodes.integer(item, "id") : OptionalLong.empty();
            if (id.isEmpty() || id.getAsLong() <= 0) {
                throw new TransportException(route, "item " + i + " of the list has no positive whole 'id': "
                        + quote(item.isObject() ? item.get("id") : item), null);
            }
            for (String field : textFields) {
                JsonNode v = item.get(field);
                if (v != null && !v.isNull() && !v.isTextual()) {
                    throw new TransportException(route, "item " + i + " (id " + id.getAsLong() + ") has '" + field
                            + "' " + quote(v) + ", not text", null);
                }
            }
            out.add(item);
        }
        return out;
    }

    /** A value for a message, cut short: it comes from the network. */
    private static String quote(JsonNode v) {
        String s = String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** The {@code data} of a success body; an object, or an array for lists. */
    static JsonNode data(JsonNode root) {
        JsonNode data = root.get("data");
        return data == null ? Nodes.object() : data;
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = BlingClient.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = p.getProperty("version", "dev");
        return v.startsWith("${") ? "dev" : v;
    }

    @Override
    public String toString() {
        return "BlingClient[" + base + ", account " + accountId() + "]";
    }

    /** A client's settings; the token provider and the limiter are required. */
    public static final class Builder {
        private URI baseUrl = PRODUCTION;
        private AccessTokenProvider tokens;
        private RequestLimiter limiter;
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;
        private RequestListener listener = RequestListener.NONE;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ErrorCircuit circuit;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private ZoneId zone = ZoneId.of("America/Sao_Paulo");
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * Sets the API's address: Bling's ({@link #PRODUCTION}, the default) or a sandbox's, ending in
         * {@code /Api/v3}.
         *
         * @param baseUrl an {@code http} or {@code https} URL
         * @return this builder
         * @throws IllegalArgumentException if the scheme is neither {@code http} nor {@code https}
         */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
                throw new IllegalArgumentException("base URL must be http(s): " + baseUrl);
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Sets where access tokens come from (required).
         *
         * @param tokens the account's token provider, e.g. a {@code TokenManager}'s
         * @return this builder
         */
        public Builder tokens(AccessTokenProvider tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /**
         * Sets the account's limiter (required): share one instance among every client of the account.
         *
         * @param limiter the account's limiter
         * @return this builder
         */
        public Builder limiter(RequestLimiter limiter) {
            this.limiter = Objects.requireNonNull(limiter, "limiter");
            return this;
        }

        /**
         * Sets the time source (the system clock unless set).
         *
         * @param clock the clock; tests pass one they move by hand
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the {@link HttpClient} requests are sent with (one of the transport's own unless set).
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Sets who is told of each request and its answer (nobody unless set).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(RequestListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets how failed requests are retried ({@link RetryPolicy#defaults()} unless set).
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets the error circuit: share one among the clients that leave from one IP (the transport's own
         * unless set).
         *
         * @param circuit the circuit
         * @return this builder
         */
        public Builder circuit(ErrorCircuit circuit) {
            this.circuit = Objects.requireNonNull(circuit, "circuit");
            return this;
        }

        /**
         * Sets how the client waits between retries ({@link Sleeper#SYSTEM} unless set).
         *
         * @param sleeper the sleeper; tests pass one that does not sleep
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets Bling's time zone, for datetime filters; default America/Sao_Paulo.
         *
         * @param zone the zone Bling reads datetimes in
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets the time-out of one attempt: how long a complete answer is awaited (30 seconds unless
         * set).
         *
         * @param timeout the longest one attempt may take
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException if no token provider or no limiter was given
         */
        public BlingClient build() {
            if (tokens == null) {
                throw new IllegalStateException("a BlingClient needs a token provider: tokens(...)");
            }
            if (limiter == null) {
                throw new IllegalStateException("a BlingClient needs the account's limiter: limiter(...)");
            }
            HttpTransport.Builder t = HttpTransport.builder()
                    .limiter(limiter).tokens(tokens).classifier(new BlingResponseClassifier())
                    .retryPolicy(retryPolicy).listener(listener).clock(clock).sleeper(sleeper).timeout(timeout)
                    .header("User-Agent", "cathalog-sync/" + VERSION + " (java.net.http; Java "
                            + Runtime.version().feature() + ")")
                    .header("enable-jwt", "1");
            if (httpClient != null) {
                t.httpClient(httpClient);
            }
            if (circuit != null) {
                t.circuit(circuit);
            }
            return new BlingClient(this, t.build());
        }
    }
}
