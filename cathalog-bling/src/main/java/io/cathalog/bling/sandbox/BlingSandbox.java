package io.cathalog.bling.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process emulator of the Bling ERP API v3, served over real HTTP under Bling's own paths
 * ({@code /Api/v3/...}), so a client switches between the sandbox and Bling by base URL only.
 *
 * <pre>{@code
 * try (BlingSandbox bling = BlingSandbox.builder().seedDemo().start()) {
 *     IssuedTokens tokens = bling.issueTokens();              // demo app, default account
 *     URI base = bling.baseUrl();                             // http://127.0.0.1:N/Api/v3
 *     ... client calls ...
 *     bling.requestLog().writes();                            // what reached the "ERP"
 * }
 * }</pre>
 *
 * <p>Thread-safe. Many sandboxes can run in one JVM; each has its own port, apps, accounts and
 * state. {@code docs/sandbox.md} documents every behaviour choice and its switch.
 */
public final class BlingSandbox implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BlingSandbox.class.getName());

    /** The JDK HTTP server's property that turns Nagle's algorithm off. */
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    /** The environment variable that names the default {@linkplain Builder#secretsJournal secrets journal}. */
    public static final String SECRETS_JOURNAL_ENV = "CATHALOG_SANDBOX_SECRETS_JOURNAL";

    /** The default account's id (Bling company ids are 32 hex characters). */
    public static final String DEFAULT_ACCOUNT_ID = "5a9d1c0e7b3f4a2c8e6d0b1f3a5c7e90";

    /** Open question 11: what a {@code limite} above the maximum (100) does. */
    public enum PageSizeAboveMax {
        /** 400 VALIDATION_ERROR (default): a client asking for more would silently miss data. */
        REJECT,
        /** Served as if {@code limite} were the maximum. */
        CLAMP
    }

    /** Open question 4: the previous access token once its refresh token has been used. */
    public enum AccessTokenAfterRefresh {
        /** Keeps working until its own expiry (default). */
        VALID_UNTIL_EXPIRY,
        /** Dies at once. */
        REVOKED
    }

    /** Open question 7: token format. */
    public enum TokenFormat {
        /** JWT-like (1,500+ characters) when the token request carries {@code enable-jwt: 1}, else 40 hex (default). */
        JWT_WHEN_REQUESTED,
        /** Always 40 hex characters. */
        ALWAYS_OPAQUE,
        /** Always JWT-like. */
        ALWAYS_JWT
    }

    /** Open question 23: what {@code /produtos/lojas} {@code categoriasProdutos[].id} refers to. */
    public enum StoreLinkCategoryId {
        /** A product category id ({@code /categorias/produtos}), as the spec's wording says (default). */
        PRODUCT_CATEGORY,
        /** A category-store link id ({@code /categorias/lojas}) of the same store, as one integrator does. */
        CATEGORY_STORE_LINK
    }

    /** Open question 16: a {@code categoriaPai} in {@code PUT /categorias/produtos/{id}}. */
    public enum CategoryParentOnPut {
        /** Ignored, as the PUT schema has only {@code descricao} (default). */
        IGNORE,
        /** Moves the category. */
        APPLY,
        /** 400 VALIDATION_ERROR. */
        REJECT
    }

    /** Open question 22: a custom-field value without {@code idVinculo} when the field already has one. */
    public enum CustomFieldWithoutLink {
        /** A second value link is added (default, the strict reading). */
        ADD_LINK,
        /** The existing value link is updated. */
        UPDATE_EXISTING
    }

    /**
     * Families: what a {@code PATCH /produtos/{id}} whose body has {@code variacoes} does to the
     * parent's variations it leaves out. The spec says PATCH changes only the fields sent and is
     * silent on {@code variacoes}; a {@code PUT} deletes them (open question 21).
     */
    public enum VariationsLeftOutOnPatch {
        /** Deleted, as by a PUT: {@code variacoes} is the whole list (default, the strict reading). */
        DELETE,
        /** Kept: only the variations sent change. */
        KEEP
    }

    /** Open question 12: list order. */
    public enum ListOrder {
        /** Ascending id (default): inserts during a scan land at the end. */
        ASCENDING_ID,
        /** Newest first: inserts during a scan shift every later page. */
        NEWEST_FIRST
    }

    /** Query parameters a route does not declare in the spec. */
    public enum UnknownQueryParameter {
        /** 400 naming the parameter (default): {@code codigos=X} instead of {@code codigos[]=X} is caught. */
        REJECT,
        /** Ignored, as a lenient server would. */
        IGNORE
    }

    private final Settings settings;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AccountData> accounts;
    private final Map<String, OAuthApp> apps;
    private final OAuthService oauth;
    private final IpGuard ipGuard;
    private final Faults faults;
    private final RequestLog log;
    private final List<Route> routes;
    private final URI baseUrl;

    private BlingSandbox(Settings s) throws IOException {
        this.settings = s;
        Ids ids = new Ids();
        Map<String, AccountData> accts = new LinkedHashMap<>();
        LocalDate today = LocalDate.ofInstant(s.clock().instant(), s.blingZone());
        for (Settings.AccountSpec spec : s.accounts()) {
            accts.put(spec.id(), new AccountData(spec, today.minusYears(2).withDayOfMonth(1), ids,
                    new RateLimiter(s.requestsPerSecond(), s.dailyQuota(), s.blingZone())));
        }
        this.accounts = Map.copyOf(accts);
        Map<String, OAuthApp> appMap = new LinkedHashMap<>();
        s.apps().forEach(a -> appMap.put(a.clientId(), a));
        this.apps = Map.copyOf(appMap);
        this.oauth = new OAuthService(s, apps, accounts, s.accounts().get(0).id());
        this.ipGuard = new IpGuard(s);
        this.log = new RequestLog(s.requestLogCapacity());
        this.routes = Routes.all(oauth);
        Set<String> keys = new HashSet<>();
        routes.forEach(r -> keys.add(r.key()));
        this.faults = new Faults(keys, oauth, s.requestsPerSecond());
        if (s.seedDemo()) {
            DemoSeed.apply(accts.get(s.accounts().get(0).id()), s.seed(), s.clock().instant(), s.blingZone());
        }
        // The JDK server writes headers and body apart; without TCP_NODELAY each small response
        // waits on the peer's delayed ACK (about 40 ms on Linux loopback). The JDK reads this
        // property once, when its first server starts; a value the host set is left alone.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(s.host(), s.port()), 64);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bling-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new Front(s, routes, accounts, oauth, ipGuard, faults, log));
        server.start();
        this.baseUrl = URI.create("http://" + s.host() + ":" + server.getAddress().getPort() + Front.PREFIX);
        LOG.log(System.Logger.Level.DEBUG, "Bling sandbox listening at {0}", baseUrl);
    }

    /**
     * Starts a sandbox with Bling's documented or strictest behaviour, one account and the demo app.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL, e.g. {@code http://127.0.0.1:54321/Api/v3}; append {@code /produtos} etc.
     *
     * @return the API's address, to give a client as its base URL
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The port actually bound.
     *
     * @return the local port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The authorize URL for an app, as a browser would open it.
     *
     * @param clientId the app's client id
     * @param state    the state the app will get back on its redirect
     * @return the consent page's URL
     */
    public URI authorizeUrl(String clientId, String state) {
        return URI.create(baseUrl + "/oauth/authorize?response_type=code&client_id=" + enc(clientId) + "&state=" + enc(state));
    }

    /**
     * The token endpoint, {@code <base>/oauth/token}.
     *
     * @return its URL
     */
    public URI tokenUrl() {
        return URI.create(baseUrl + "/oauth/token");
    }

    /**
     * The demo app (always registered).
     *
     * @return the app of {@link OAuthApp#demo()}
     */
    public OAuthApp demoApp() {
        return apps.get(OAuthApp.DEMO_CLIENT_ID);
    }

    /**
     * The default account's id (the first account; {@link #DEFAULT_ACCOUNT_ID} unless the builder changed it).
     *
     * @return the account id
     */
    public String defaultAccountId() {
        return settings.accounts().get(0).id();
    }

    /**
     * The registered apps.
     *
     * @return the apps, the demo app among them
     */
    public List<OAuthApp> apps() {
        return List.copyOf(apps.values());
    }

    /**
     * The accounts' ids.
     *
     * @return the ids, default first
     */
    public List<String> accountIds() {
        return settings.accounts().stream().map(Settings.AccountSpec::id).toList();
    }

    /**
     * Direct access to an account's data, without HTTP, limits or the request log.
     *
     * @param accountId the account
     * @return its data
     * @throws IllegalArgumentException if there is no such account
     */
    public SandboxAccount account(String accountId) {
        AccountData a = accounts.get(accountId);
        if (a == null) {
            throw new IllegalArgumentException("no account '" + accountId + "'; known: " + accountIds());
        }
        return new SandboxAccount(a, settings);
    }

    /**
     * The default account's data.
     *
     * @return direct access to it
     */
    public SandboxAccount account() {
        return account(defaultAccountId());
    }

    /**
     * Tokens for an app and account without the browser flow or the token endpoint (not logged,
     * not counted against any limit).
     *
     * @param clientId  the app's client id
     * @param accountId the account
     * @param jwt       true for the JWT-like format, false for opaque tokens
     * @return the token pair
     */
    public IssuedTokens issueTokens(String clientId, String accountId, boolean jwt) {
        return oauth.issue(clientId, accountId, jwt);
    }

    /**
     * Opaque tokens for an app and account, as {@link #issueTokens(String, String, boolean)} issues them.
     *
     * @param clientId  the app's client id
     * @param accountId the account
     * @return the token pair
     */
    public IssuedTokens issueTokens(String clientId, String accountId) {
        return issueTokens(clientId, accountId, false);
    }

    /**
     * Opaque tokens for the demo app and the default account.
     *
     * @return the token pair
     */
    public IssuedTokens issueTokens() {
        return issueTokens(OAuthApp.DEMO_CLIENT_ID, defaultAccountId());
    }

    /**
     * An authorization code, as if the user had approved the consent page; exchange it at {@link #tokenUrl()}.
     *
     * @param clientId  the app's client id
     * @param accountId the account that approves
     * @return the single-use code
     */
    public String authorizationCode(String clientId, String accountId) {
        return oauth.newCode(clientId, accountId);
    }

    /**
     * Every request received, with route, status, account and write flag.
     *
     * @return the live log
     */
    public RequestLog requestLog() {
        return log;
    }

    /** Shorthand for {@code requestLog().reset()}. */
    public void resetRequestLog() {
        log.reset();
    }

    /**
     * Fault injection: 5xx, 429 bursts, latency, lost responses, expired tokens, revoked authorizations.
     *
     * @return this sandbox's faults
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Every IP-block threshold crossing so far (recorded even when blocks are not enforced).
     *
     * @return the crossings, oldest first
     */
    public List<IpBlockEvent> ipBlockEvents() {
        return ipGuard.events();
    }

    /** Forgets IP counters, blocks and recorded crossings. */
    public void resetIpBlocks() {
        ipGuard.clear();
    }

    /**
     * Requests counted today against the account's daily quota.
     *
     * @param accountId the account
     * @return the count since Bling's midnight
     * @throws IllegalArgumentException if there is no such account
     */
    public long requestsUsedToday(String accountId) {
        account(accountId);
        return accounts.get(accountId).limiter.usedToday(settings.clock());
    }

    /**
     * Every served route key, e.g. {@code GET /produtos/{idProduto}}.
     *
     * @return the keys, in registration order
     */
    public List<String> routes() {
        return routes.stream().map(Route::key).toList();
    }

    List<Route> routeTable() {
        return routes;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ builder

    /** Builds a sandbox. Every limit and behaviour switch defaults to Bling's documented or strictest value. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("America/Sao_Paulo");
        private String host = "127.0.0.1";
        private int port;
        private boolean autoApprove;
        private boolean seedDemo;
        private long seed = 20_260_210L;
        private final List<OAuthApp> apps = new ArrayList<>(List.of(OAuthApp.demo()));
        private final List<Settings.AccountSpec> accounts = new ArrayList<>(List.of(new Settings.AccountSpec(
                DEFAULT_ACCOUNT_ID, "Loja Exemplo Comércio Eletrônico LTDA", "12.345.678/0001-95",
                "contato@lojaexemplo.com.br")));
        private Duration accessTokenLifetime = Duration.ofSeconds(21_600);
        private Duration refreshTokenLifetime = Duration.ofDays(30);
        private Duration codeLifetime = Duration.ofSeconds(60);
        private int requestsPerSecond = 3;
        private long dailyQuota = 120_000;
        private boolean rateLimits = true;
        private int maxPageSize = 100;
        private int ipMaxErrors = 300;
        private int ipMaxRequests = 600;
        private Duration ipWindow = Duration.ofSeconds(10);
        private Duration ipBlock = Duration.ofMinutes(10);
        private int tokenMaxCalls = 20;
        private Duration tokenWindow = Duration.ofSeconds(60);
        private Duration tokenBlock = Duration.ofMinutes(60);
        private boolean enforceIpBlocks = true;
        private int ipBlockStatus = 403;
        private Duration recentlyAddedWindow = Duration.ofDays(30);
        private Duration maxDateWindow = Duration.ofDays(366);
        private int requestLogCapacity = 200_000;
        private PageSizeAboveMax pageSizeAboveMax = PageSizeAboveMax.REJECT;
        private AccessTokenAfterRefresh accessTokenAfterRefresh = AccessTokenAfterRefresh.VALID_UNTIL_EXPIRY;
        private TokenFormat tokenFormat = TokenFormat.JWT_WHEN_REQUESTED;
        private StoreLinkCategoryId storeLinkCategoryId = StoreLinkCategoryId.PRODUCT_CATEGORY;
        private CategoryParentOnPut categoryParentOnPut = CategoryParentOnPut.IGNORE;
        private CustomFieldWithoutLink customFieldWithoutLink = CustomFieldWithoutLink.ADD_LINK;
        private ListOrder listOrder = ListOrder.ASCENDING_ID;
        private UnknownQueryParameter unknownQueryParameter = UnknownQueryParameter.REJECT;
        private int insertsDuringScan;
        private Duration storeLinkVisibilityDelay = Duration.ZERO;
        private boolean unknownResponseProperties;
        private boolean unknownEnumValues;
        private boolean gtinValidation = true;
        private ListingRules listingRules = ListingRules.defaults();
        private VariationsLeftOutOnPatch variationsLeftOutOnPatch = VariationsLeftOutOnPatch.DELETE;
        private java.util.Optional<java.nio.file.Path> secretsJournal =
                java.util.Optional.ofNullable(System.getenv(SECRETS_JOURNAL_ENV)).filter(v -> !v.isBlank())
                        .map(java.nio.file.Path::of);

        private Builder() {
        }

        /**
         * Sets the clock for token expiry, limits, change times (default: system UTC).
         *
         * @param clock the clock; tests pass one they move by hand
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets Bling's zone, for date filters and the daily quota's midnight (default America/Sao_Paulo).
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder blingZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets the port to bind on 127.0.0.1 (default 0: a random free port).
         *
         * @param port 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if {@code port} is out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Makes the authorize URL redirect at once with a code for the default account, no consent page.
         *
         * @param autoApprove true to skip the consent page
         * @return this builder
         */
        public Builder autoApprove(boolean autoApprove) {
            this.autoApprove = autoApprove;
            return this;
        }

        /**
         * Fills the default account with the deterministic demo data (see docs/sandbox.md).
         *
         * @return this builder
         */
        public Builder seedDemo() {
            this.seedDemo = true;
            return this;
        }

        /**
         * Sets the demo seed's random seed (same seed, same data).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Registers another OAuth app (the demo app is always there).
         *
         * @param app the app
         * @return this builder
         * @throws IllegalArgumentException if an app of that client id is already registered
         */
        public Builder app(OAuthApp app) {
            Objects.requireNonNull(app, "app");
            if (apps.stream().anyMatch(a -> a.clientId().equals(app.clientId()))) {
                throw new IllegalArgumentException("app '" + app.clientId() + "' is already registered");
            }
            apps.add(app);
            return this;
        }

        /**
         * Adds another account (company) with its own data, tokens and limits.
         *
         * @param accountId 32 lowercase hex characters, like Bling's company ids
         * @param name      the company's name
         * @return this builder
         * @throws IllegalArgumentException if the id is malformed or already taken
         */
        public Builder account(String accountId, String name) {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(name, "name");
            if (!accountId.matches("[0-9a-f]{32}")) {
                throw new IllegalArgumentException("account ids are 32 lowercase hex characters like Bling's, got '"
                        + accountId + "'");
            }
            if (accounts.stream().anyMatch(a -> a.id().equals(accountId))) {
                throw new IllegalArgumentException("account '" + accountId + "' already exists");
            }
            accounts.add(new Settings.AccountSpec(accountId, name, "00.000.000/0001-91", "conta-" + accountId.substring(0, 6)
                    + "@exemplo.com.br"));
            return this;
        }

        /**
         * Sets the access token lifetime, returned as {@code expires_in} (default 21600 s).
         *
         * @param d a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code d} is not positive
         */
        public Builder accessTokenLifetime(Duration d) {
            this.accessTokenLifetime = positive(d, "accessTokenLifetime");
            return this;
        }

        /**
         * Sets the refresh token lifetime (default 30 days).
         *
         * @param d a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code d} is not positive
         */
        public Builder refreshTokenLifetime(Duration d) {
            this.refreshTokenLifetime = positive(d, "refreshTokenLifetime");
            return this;
        }

        /**
         * Sets the authorization code lifetime (default 60 s).
         *
         * @param d a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code d} is not positive
         */
        public Builder authorizationCodeLifetime(Duration d) {
            this.codeLifetime = positive(d, "authorizationCodeLifetime");
            return this;
        }

        /**
         * Sets the per-account requests allowed in any sliding second (default 3).
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder requestsPerSecond(int n) {
            this.requestsPerSecond = atLeastOne(n, "requestsPerSecond");
            return this;
        }

        /**
         * Sets the per-account requests allowed per day (default 120000).
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder dailyQuota(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("dailyQuota must be at least 1, got " + n);
            }
            this.dailyQuota = n;
            return this;
        }

        /**
         * Turns the per-account 429 limits on or off (e.g. off for data-shape tests that fire fast).
         *
         * @param enabled false to answer without per-account limits
         * @return this builder
         */
        public Builder rateLimits(boolean enabled) {
            this.rateLimits = enabled;
            return this;
        }

        /**
         * Sets the largest {@code limite} (default 100).
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder maxPageSize(int n) {
            this.maxPageSize = atLeastOne(n, "maxPageSize");
            return this;
        }

        /**
         * Sets the general IP block: more than {@code maxErrors} errors or {@code maxRequests} requests
         * in {@code window} blocks for {@code block}.
         *
         * @param maxErrors   errors (status 400 and above) allowed in the window; at least 1
         * @param maxRequests requests allowed in the window; at least 1
         * @param window      the window; positive
         * @param block       how long a block lasts; positive
         * @return this builder
         * @throws IllegalArgumentException if a count is below 1 or a duration is not positive
         */
        public Builder ipBlock(int maxErrors, int maxRequests, Duration window, Duration block) {
            this.ipMaxErrors = atLeastOne(maxErrors, "maxErrors");
            this.ipMaxRequests = atLeastOne(maxRequests, "maxRequests");
            this.ipWindow = positive(window, "window");
            this.ipBlock = positive(block, "block");
            return this;
        }

        /**
         * Sets the token endpoint block: more than {@code maxCalls} in {@code window} blocks it for {@code block}.
         *
         * @param maxCalls token calls allowed in the window; at least 1
         * @param window   the window; positive
         * @param block    how long a block lasts; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code maxCalls} is below 1 or a duration is not positive
         */
        public Builder tokenEndpointBlock(int maxCalls, Duration window, Duration block) {
            this.tokenMaxCalls = atLeastOne(maxCalls, "maxCalls");
            this.tokenWindow = positive(window, "window");
            this.tokenBlock = positive(block, "block");
            return this;
        }

        /**
         * Sets whether crossings block (default true); crossings are recorded either way.
         *
         * @param enforce false to record crossings without blocking
         * @return this builder
         */
        public Builder enforceIpBlocks(boolean enforce) {
            this.enforceIpBlocks = enforce;
            return this;
        }

        /**
         * Sets the status answered during an IP block (default 403, with the error envelope, type FORBIDDEN).
         *
         * @param status a 4xx or 5xx status
         * @return this builder
         * @throws IllegalArgumentException if {@code status} is not 4xx or 5xx
         */
        public Builder ipBlockStatus(int status) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("ipBlockStatus must be 4xx or 5xx, got " + status);
            }
            this.ipBlockStatus = status;
            return this;
        }

        /**
         * Sets what {@code criterio=1} ("últimos incluídos") covers (default 30 days).
         *
         * @param d a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code d} is not positive
         */
        public Builder recentlyAddedWindow(Duration d) {
            this.recentlyAddedWindow = positive(d, "recentlyAddedWindow");
            return this;
        }

        /**
         * Sets the longest date-filter window (default 366 days: one year, leap years included).
         *
         * @param d a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code d} is not positive
         */
        public Builder maxDateWindow(Duration d) {
            this.maxDateWindow = positive(d, "maxDateWindow");
            return this;
        }

        /**
         * Sets how many request-log entries are kept (oldest dropped first; default 200000).
         *
         * @param n at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Builder requestLogCapacity(int n) {
            this.requestLogCapacity = atLeastOne(n, "requestLogCapacity");
            return this;
        }

        /**
         * Sets what a {@code limite} above the maximum does (default {@link PageSizeAboveMax#REJECT}).
         *
         * @param v the behaviour
         * @return this builder
         */
        public Builder pageSizeAboveMax(PageSizeAboveMax v) {
            this.pageSizeAboveMax = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets what becomes of the previous access token once its refresh token has been used (default
         * {@link AccessTokenAfterRefresh#VALID_UNTIL_EXPIRY}).
         *
         * @param v the behaviour
         * @return this builder
         */
        public Builder accessTokenAfterRefresh(AccessTokenAfterRefresh v) {
            this.accessTokenAfterRefresh = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the token format (default {@link TokenFormat#JWT_WHEN_REQUESTED}).
         *
         * @param v the format
         * @return this builder
         */
        public Builder tokenFormat(TokenFormat v) {
            this.tokenFormat = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets what {@code /produtos/lojas} {@code categoriasProdutos[].id} refers to (default
         * {@link StoreLinkCategoryId#PRODUCT_CATEGORY}).
         *
         * @param v the reading
         * @return this builder
         */
        public Builder storeLinkCategoryId(StoreLinkCategoryId v) {
            this.storeLinkCategoryId = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets what a {@code categoriaPai} in {@code PUT /categorias/produtos/{id}} does (default
         * {@link CategoryParentOnPut#IGNORE}).
         *
         * @param v the behaviour
         * @return this builder
         */
        public Builder categoryParentOnPut(CategoryParentOnPut v) {
            this.categoryParentOnPut = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets what a custom-field value without {@code idVinculo} does when the field already has one
         * (default {@link CustomFieldWithoutLink#ADD_LINK}).
         *
         * @param v the behaviour
         * @return this builder
         */
        public Builder customFieldWithoutLink(CustomFieldWithoutLink v) {
            this.customFieldWithoutLink = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the order lists are answered in (default {@link ListOrder#ASCENDING_ID}).
         *
         * @param v the order
         * @return this builder
         */
        public Builder listOrder(ListOrder v) {
            this.listOrder = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets what a query parameter the route does not declare does (default
         * {@link UnknownQueryParameter#REJECT}).
         *
         * @param v the behaviour
         * @return this builder
         */
        public Builder unknownQueryParameter(UnknownQueryParameter v) {
            this.unknownQueryParameter = Objects.requireNonNull(v);
            return this;
        }

        /**
         * After each page of {@code GET /produtos} is served, {@code n} new products are created (open question 12).
         *
         * @param n how many products each page adds; 0 for none
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is negative
         */
        public Builder insertsDuringScan(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("insertsDuringScan must be >= 0, got " + n);
            }
            this.insertsDuringScan = n;
            return this;
        }

        /**
         * A {@code /produtos/lojas} write becomes visible to reads only after this delay (open question 26).
         *
         * @param d the delay; not negative, zero for none
         * @return this builder
         * @throws IllegalArgumentException if {@code d} is negative
         */
        public Builder storeLinkVisibilityDelay(Duration d) {
            Objects.requireNonNull(d, "storeLinkVisibilityDelay");
            if (d.isNegative()) {
                throw new IllegalArgumentException("storeLinkVisibilityDelay must not be negative: " + d);
            }
            this.storeLinkVisibilityDelay = d;
            return this;
        }

        /**
         * Adds unknown properties to every object in {@code data} responses.
         *
         * @param on true to add them
         * @return this builder
         */
        public Builder unknownResponseProperties(boolean on) {
            this.unknownResponseProperties = on;
            return this;
        }

        /**
         * Answers unknown enum values (tipoProducao "X", condicao 9, channel situacao 9) in responses only.
         *
         * @param on true to answer them
         * @return this builder
         */
        public Builder unknownEnumValues(boolean on) {
            this.unknownEnumValues = on;
            return this;
        }

        /**
         * Rejects product writes whose gtin/gtinEmbalagem fail the GS1 check digit (default true).
         *
         * @param on false to accept any GTIN
         * @return this builder
         */
        public Builder gtinValidation(boolean on) {
            this.gtinValidation = on;
            return this;
        }

        /**
         * What a {@code PATCH} with {@code variacoes} does to the variations it leaves out (default
         * {@link VariationsLeftOutOnPatch#DELETE}, the strict reading).
         *
         * @param v the behaviour
         * @return this builder
         */
        public Builder variationsLeftOutOnPatch(VariationsLeftOutOnPatch v) {
            this.variationsLeftOutOnPatch = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Appends every secret this sandbox hands out — each access and refresh token it mints and
         * each app's client secret — to {@code file}, one per line, so that a scan after a test
         * suite can prove none of them reached a log line or a written file. Default: the file
         * named by the environment variable {@value #SECRETS_JOURNAL_ENV}, if set; none otherwise.
         *
         * @param file the journal file
         * @return this builder
         */
        public Builder secretsJournal(java.nio.file.Path file) {
            this.secretsJournal = java.util.Optional.of(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * How listings ({@code /anuncios}) behave where Bling's spec is silent (default
         * {@link ListingRules#defaults()}, the strictest plausible).
         *
         * @param rules the rules
         * @return this builder
         */
        public Builder listingRules(ListingRules rules) {
            this.listingRules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @return the running sandbox; close it to stop
         * @throws UncheckedIOException when the port cannot be bound
         */
        public BlingSandbox start() {
            Settings s = new Settings(clock, zone, host, port, autoApprove, seedDemo, seed, List.copyOf(apps),
                    List.copyOf(accounts), accessTokenLifetime, refreshTokenLifetime, codeLifetime, requestsPerSecond,
                    dailyQuota, rateLimits, maxPageSize, ipMaxErrors, ipMaxRequests, ipWindow, ipBlock, tokenMaxCalls,
                    tokenWindow, tokenBlock, enforceIpBlocks, ipBlockStatus, recentlyAddedWindow, maxDateWindow,
                    requestLogCapacity, pageSizeAboveMax, accessTokenAfterRefresh, tokenFormat, storeLinkCategoryId,
                    categoryParentOnPut, customFieldWithoutLink, listOrder, unknownQueryParameter, insertsDuringScan,
                    storeLinkVisibilityDelay, unknownResponseProperties, unknownEnumValues, gtinValidation,
                    variationsLeftOutOnPatch, secretsJournal, listingRules);
            try {
                return new BlingSandbox(s);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind the Bling sandbox to " + host + ":" + port, e);
            }
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        private static int atLeastOne(int n, String name) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + n);
            }
            return n;
        }
    }

    // ------------------------------------------------------------------ launcher

    /**
     * Command line: {@code [--port N] [--seed demo] [--auto-approve]}. Prints the base URL and the
     * demo app's credentials, four lines, then serves until the process is killed.
     *
     * @param args the command line
     * @throws InterruptedException if the serving thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Builder b = builder();
        try {
            parse(args, b);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: BlingSandbox [--port N] [--seed demo] [--auto-approve]");
            System.exit(2);
            return;
        }
        BlingSandbox sandbox;
        try {
            sandbox = b.start();
        } catch (UncheckedIOException e) {
            System.err.println("error: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "bling-sandbox-shutdown"));
        printBanner(sandbox, System.out);
        new CountDownLatch(1).await();
    }

    static void parse(String[] args, Builder b) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--port needs a number");
                    }
                    try {
                        b.port(Integer.parseInt(args[++i]));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number, got '" + args[i] + "'");
                    }
                }
                case "--seed" -> {
                    if (i + 1 >= args.length || !args[i + 1].equals("demo")) {
                        throw new IllegalArgumentException("--seed takes 'demo' (the only seed)");
                    }
                    i++;
                    b.seedDemo();
                }
                case "--auto-approve" -> b.autoApprove(true);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
    }

    static void printBanner(BlingSandbox sandbox, PrintStream out) {
        OAuthApp demo = sandbox.demoApp();
        out.println("base-url: " + sandbox.baseUrl());
        out.println("client-id: " + demo.clientId());
        out.println("client-secret: " + demo.clientSecret());
        out.println("redirect-uri: " + demo.redirectUri());
        out.flush();
    }
}
