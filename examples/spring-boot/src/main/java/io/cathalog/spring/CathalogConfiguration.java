package io.cathalog.spring;

import io.cathalog.bling.BlingPacing;
import io.cathalog.bling.oauth.BlingAuthorization;
import io.cathalog.bling.sandbox.DemoCatalog;
import io.cathalog.core.auth.KeyProvider;
import io.cathalog.core.auth.TokenManager;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.jobs.AccountJob;
import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.bling.webhooks.WebhookReceiver;
import io.cathalog.core.lease.LeaseLock;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.jpa.JpaCatalogSource;
import io.cathalog.jpa.JpaChangeLog;
import io.cathalog.jpa.JpaLeaseLock;
import io.cathalog.jpa.JpaRequestLimiter;
import io.cathalog.jpa.JpaSyncStateStore;
import io.cathalog.jpa.JpaTokenStore;
import io.cathalog.jpa.JpaTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The library's objects as beans: the cathalog-jpa stores on the application's own
 * EntityManagerFactory and transactions, the token manager, one {@link AccountRuntime} per
 * configured account, the scheduler with the accounts registered, and the webhook receiver.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CathalogProperties.class)
class CathalogConfiguration {

    /** Bling itself, from the configuration (when no sandbox runs in-process). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "cathalog.sandbox", havingValue = "off", matchIfMissing = true)
    static class RealBling {
        @Bean
        BlingApp blingApp(CathalogProperties properties) {
            Map<String, String> companies = new LinkedHashMap<>();
            properties.accounts().stream().filter(a -> !a.companyId().isEmpty())
                    .forEach(a -> companies.put(a.companyId(), a.id()));
            return new BlingApp(properties.apiBase(), properties.authorizeBase(), properties.clientId(),
                    properties.clientSecret(), companies);
        }
    }

    @Bean
    Clock cathalogClock() {
        return Clock.systemUTC();
    }

    /** This instance's lease owner id: configured, or the host name and a random suffix. */
    @Bean
    InstanceId cathalogInstance(CathalogProperties properties) {
        if (!properties.owner().isBlank()) {
            return new InstanceId(properties.owner());
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        return new InstanceId(host + "-" + HexFormat.of().formatHex(suffix));
    }

    @Bean
    JpaTransactions cathalogTransactions(EntityManagerFactory factory, PlatformTransactionManager transactions) {
        return new SpringJpaTransactions(factory, transactions);
    }

    @Bean
    JpaSyncStateStore cathalogState(JpaTransactions tx) {
        return new JpaSyncStateStore(tx);
    }

    @Bean
    JpaChangeLog cathalogChangeLog(JpaTransactions tx) {
        return new JpaChangeLog(tx);
    }

    @Bean
    LeaseLock cathalogLeases(JpaTransactions tx, Clock clock) {
        return new JpaLeaseLock(tx, clock);
    }

    @Bean
    JpaTokenStore cathalogTokenStore(JpaTransactions tx, CathalogProperties properties, Clock clock, InstanceId instance) {
        KeyProvider key;
        if (!properties.tokenKey().isBlank()) {
            try {
                key = KeyProvider.ofBytes(Base64.getDecoder().decode(properties.tokenKey().strip()));
            } catch (IllegalArgumentException e) {
                // Never quote the value.
                throw new IllegalArgumentException("cathalog.token-key (CATHALOG_TOKEN_KEY) is not base64 of 32 bytes");
            }
        } else if (properties.demo()) {
            // The demo's database lives in memory: a key for this run only.
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            key = KeyProvider.ofBytes(bytes);
        } else {
            throw new IllegalArgumentException("cathalog.token-key (CATHALOG_TOKEN_KEY) is not set: 32 random bytes, base64"
                    + " (openssl rand -base64 32); it encrypts the Bling tokens in the database");
        }
        return JpaTokenStore.builder().transactions(tx).keyProvider(key).clock(clock).owner(instance.id()).build();
    }

    @Bean
    TokenManager cathalogTokens(JpaTokenStore store, BlingApp app, Clock clock) {
        return BlingAuthorization.tokenManager(store, app.apiBase(), app.authorizeBase(), app.clientId(), app.clientSecret())
                .clock(clock).build();
    }

    @Bean
    CathalogMetrics cathalogMetrics(MeterRegistry registry) {
        return new CathalogMetrics(registry);
    }

    @Bean
    MarketplaceRegistry cathalogMarketplaces() {
        return MarketplaceRegistry.load(CathalogConfiguration.class.getClassLoader());
    }

    @Bean
    Accounts cathalogAccounts(CathalogProperties properties, BlingApp app, TokenManager tokens, JpaSyncStateStore state,
                              JpaChangeLog changes, CathalogMetrics metrics, MarketplaceRegistry marketplaces,
                              JpaTransactions tx, Clock clock) {
        Map<String, AccountRuntime> accounts = new LinkedHashMap<>();
        for (CathalogProperties.Account a : properties.accounts()) {
            if (accounts.containsKey(a.id())) {
                throw new IllegalArgumentException("cathalog.accounts: account '" + a.id() + "' is configured twice");
            }
            accounts.put(a.id(), new AccountRuntime(a, limiter(properties, a, tx, clock), source(a, tx), app, tokens,
                    state, changes, metrics, marketplaces, clock));
        }
        return new Accounts(accounts);
    }

    private static RequestLimiter limiter(CathalogProperties properties, CathalogProperties.Account a,
                                          JpaTransactions tx, Clock clock) {
        if (properties.localRate().isPresent()) {
            double rate = properties.localRate().getAsDouble();
            LocalRequestLimiter.Builder local = LocalRequestLimiter.builder(a.id(), BlingPacing.standard()).ratePerSecond(rate)
                    .dailyBudget(a.dailyBudget());
            if (rate > 3) {
                // Only an emulator with its limits off allows more than Bling's 3 a second.
                local.window((int) Math.ceil(rate), Duration.ofSeconds(1), Duration.ZERO);
            }
            return local.build();
        }
        // Shared by every instance on the database, at Bling's pace, within the account's share of the quota.
        return JpaRequestLimiter.builder(tx, a.id(), BlingPacing.standard().withDailyBudget(a.dailyBudget())).clock(clock)
                .build();
    }

    private static CatalogSource source(CathalogProperties.Account a, JpaTransactions tx) {
        String c = a.catalog();
        if (c.equals("demo")) {
            return CatalogSource.of(JsonCatalogFile.reader().read(DemoCatalog.json(), "demo-catalog.json"));
        }
        if (c.startsWith("file:")) {
            return JsonCatalogFile.source(Path.of(c.substring("file:".length())));
        }
        if (c.equals("jpa")) {
            return JpaCatalogSource.of(tx);
        }
        if (c.startsWith("jpa:")) {
            return JpaCatalogSource.of(tx, c.substring("jpa:".length()));
        }
        throw new IllegalArgumentException("cathalog.accounts[" + a.id() + "].catalog must be demo, file:<path>, jpa or"
                + " jpa:<name>, not '" + c + "'");
    }

    @Bean
    SyncScheduler cathalogScheduler(CathalogProperties properties, Accounts accounts, LeaseLock leases, TokenManager tokens,
                                    JpaTokenStore tokenStore, InstanceId instance, Clock clock) {
        CathalogProperties.Schedule s = properties.schedule();
        SyncScheduler scheduler = SyncScheduler.builder().clock(clock).owner(instance.id()).leases(leases)
                .leaseTtl(s.leaseTtl()).leaseRetry(s.leaseRetry()).tickEvery(s.tickEvery())
                .tokens(tokens, tokenStore)
                .build();
        for (AccountRuntime a : accounts.all()) {
            scheduler.register(AccountJob.builder(a.id())
                    // Its budget is the limiter's (the local one gets daily-budget; the shared one Bling's pace).
                    .limiter(a.limiter())
                    .interval(s.interval()).jitter(s.jitter())
                    .options(a.options())
                    // The scheduler's gate over the account's limiter, and its progress listener.
                    .engine(a::engine)
                    .build());
        }
        return scheduler;
    }

    @Bean
    WebhookReceiver cathalogWebhooks(BlingApp app, SyncScheduler scheduler, Clock clock) {
        return WebhookReceiver.builder().clientSecret(app.clientSecret()).accounts(app.companies())
                .scheduler(scheduler).clock(clock).build();
    }

    @Bean
    AdminService cathalogAdmin(Accounts accounts, LeaseLock leases, InstanceId instance, CathalogProperties properties,
                               Clock clock) {
        return new AdminService(accounts, leases, instance, properties.schedule().leaseTtl(), clock);
    }

    @Bean
    RunHistory cathalogRuns(SyncScheduler scheduler, CathalogMetrics metrics) {
        return new RunHistory(scheduler, metrics);
    }

    @Bean
    SchedulerLifecycle cathalogLifecycle(CathalogProperties properties, SyncScheduler scheduler, RunHistory runs,
                                         DemoConnector demo) {
        return new SchedulerLifecycle(properties, scheduler, runs, demo);
    }
}
