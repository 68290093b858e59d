package io.cathalog.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything the application reads under {@code cathalog.*} (application.yml, the environment, the
 * command line). Secrets ({@code client-secret}, {@code token-key}, the admin password) come from the
 * environment in production: {@code CATHALOG_CLIENT_SECRET}, {@code CATHALOG_TOKEN_KEY},
 * {@code CATHALOG_ADMIN_PASSWORD} by Spring's relaxed binding.
 *
 * @param sandbox          {@code demo} starts an in-process Bling sandbox with the demo account and
 *                         points the application at it; {@code off} (the default) talks to Bling
 * @param apiBase          Bling's API (and token endpoint) base URL
 * @param authorizeBase    where people authorize the app
 * @param publicUrl        this application's URL as the browser sees it (the OAuth callback is
 *                         {@code publicUrl + /bling/callback}, registered on the Bling app)
 * @param clientId         the Bling app's client id
 * @param clientSecret     the Bling app's client secret (the webhooks' HMAC key too)
 * @param tokenKey         the AES-256 key (base64) that encrypts tokens at rest
 * @param owner            this instance's id for leases; empty: host name and a random suffix
 * @param demoConnect      in demo mode, authorize the accounts at start through the sandbox
 *                         (false: connect them on the admin page, through the sandbox's consent page)
 * @param requestsPerSecond empty: every account's requests go through the limiter shared by all
 *                         instances in the database, at Bling's pace; set: a local limiter at that
 *                         rate (only for a sandbox whose limits are off; the demo's default is 200)
 * @param schedule         the scheduler's settings
 * @param admin            the admin page's user
 * @param accounts         the Bling accounts this application keeps in sync
 */
@ConfigurationProperties("cathalog")
public record CathalogProperties(@DefaultValue("off") String sandbox,
                                 @DefaultValue("https://api.bling.com.br/Api/v3") URI apiBase,
                                 @DefaultValue("https://www.bling.com.br/Api/v3") URI authorizeBase,
                                 @DefaultValue("http://localhost:8080") URI publicUrl,
                                 @DefaultValue("") String clientId,
                                 @DefaultValue("") String clientSecret,
                                 @DefaultValue("") String tokenKey,
                                 @DefaultValue("") String owner,
                                 @DefaultValue("true") boolean demoConnect,
                                 Double requestsPerSecond,
                                 @DefaultValue Schedule schedule,
                                 @DefaultValue Admin admin,
                                 @DefaultValue List<Account> accounts) {

    public CathalogProperties {
        if (accounts.isEmpty() && "demo".equals(sandbox)) {
            // The demo needs no configuration: one account on the sandbox's demo company.
            accounts = List.of(new Account("demo", "", "demo", 72_000, true));
        }
        accounts = List.copyOf(accounts);
        if (requestsPerSecond == null && "demo".equals(sandbox)) {
            // The demo's sandbox has its limits off: Bling's 3 a second would make the first sync take minutes.
            requestsPerSecond = 200.0;
        }
    }

    /** Whether the in-process sandbox with the demo account is on. */
    public boolean demo() {
        return sandbox.equals("demo");
    }

    /** The rate of the local limiter, when one is configured. */
    public OptionalDouble localRate() {
        return requestsPerSecond == null ? OptionalDouble.empty() : OptionalDouble.of(requestsPerSecond);
    }

    /** The account of that id. */
    public Optional<Account> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The OAuth callback's URL (register it on the Bling app). */
    public URI callbackUrl() {
        String base = publicUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/bling/callback");
    }

    @Override
    public String toString() {
        // No secret in a log line, even when Spring prints the properties.
        return "CathalogProperties[sandbox=" + sandbox + ", apiBase=" + apiBase + ", accounts=" + accounts + "]";
    }

    /**
     * @param enabled      false: no scheduler runs (the admin page still plans and applies)
     * @param interval     time between an account's runs
     * @param jitter       up to this much added to each interval
     * @param tickEvery    how often the scheduler looks for due accounts
     * @param leaseTtl     how long a run's lease lives without renewal
     * @param leaseRetry   how soon to try again when another instance holds the lease and webhooks wait
     * @param shutdownWait how long a stopping application waits for runs to finish their change
     */
    public record Schedule(@DefaultValue("true") boolean enabled,
                           @DefaultValue("15m") Duration interval,
                           @DefaultValue("1m") Duration jitter,
                           @DefaultValue("1s") Duration tickEvery,
                           @DefaultValue("5m") Duration leaseTtl,
                           @DefaultValue("30s") Duration leaseRetry,
                           @DefaultValue("20s") Duration shutdownWait) {
    }

    /**
     * @param username the admin's user name
     * @param password the admin's password (required: no default password)
     */
    public record Admin(@DefaultValue("admin") String username, @DefaultValue("") String password) {
        @Override
        public String toString() {
            return "Admin[username=" + username + "]";
        }
    }

    /**
     * One Bling account.
     *
     * @param id          this application's name for it (in URLs, logs, metrics, the database)
     * @param companyId   Bling's company id (32 hex digits), which webhooks carry
     * @param catalog     the source of truth: {@code demo} (the sandbox's demo catalog),
     *                    {@code file:/path/catalog.json}, or {@code jpa} / {@code jpa:<name>}
     *                    (cathalog-jpa's source-of-truth tables in the app's database)
     * @param dailyBudget the most requests a day the scheduler spends on it, with either limiter
     *                    (the local one of {@code requests-per-second}, or the one shared in the
     *                    database at Bling's pace)
     * @param prune       whether runs delete categories the catalog no longer has
     */
    public record Account(String id, @DefaultValue("") String companyId, @DefaultValue("demo") String catalog,
                          @DefaultValue("72000") long dailyBudget, @DefaultValue("true") boolean prune) {
        public Account {
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("cathalog.accounts[].id must be 1 to 64 letters, digits, '-' or '_', not '"
                        + id + "'");
            }
        }
    }
}
