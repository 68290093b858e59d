package io.cathalog.core.jobs;

import io.cathalog.core.http.Pacing;
import io.cathalog.core.http.RequestLimiter;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One account's place in the {@link SyncScheduler}: its engine, its limiter (the daily budget),
 * how often it runs and with which plan options. Immutable; built with {@link #builder(String)}.
 *
 * <pre>{@code
 * AccountJob job = AccountJob.builder("acme")
 *         .pacing(BlingPacing.standard()).dailyBudget(72_000)   // or .limiter(sharedLimiter)
 *         .engine(ctx -> SyncEngine.builder().account("acme").source(source).state(state)
 *                 .remote(new BlingCatalogRemote(BlingClient.builder().tokens(tokens)
 *                         .limiter(ctx.limiter()).build()))
 *                 .progress(ctx.progress()).build())
 *         .interval(Duration.ofMinutes(15)).jitter(Duration.ofMinutes(1))
 *         .build();
 * }</pre>
 */
public final class AccountJob {

    /** The share of the ERP's daily quota a scheduler-built limiter uses by default: the rest is left to the account's other integrations. */
    public static final double DEFAULT_BUDGET_SHARE = 0.6;

    private final String accountId;
    private final Optional<RequestLimiter> limiter;
    private final OptionalLong dailyBudget;
    private final Optional<Pacing> pacing;
    private final Function<JobContext, SyncEngine> engine;
    private final boolean engineFromContext;
    private final Duration interval;
    private final Duration jitter;
    private final PlanOptions options;

    private AccountJob(Builder b) {
        this.accountId = b.accountId;
        this.limiter = b.limiter;
        this.dailyBudget = b.dailyBudget;
        this.pacing = b.pacing;
        this.engine = b.engine;
        this.engineFromContext = b.engineFromContext;
        this.interval = b.interval;
        this.jitter = b.jitter;
        this.options = b.options;
    }

    /**
     * A job for one ERP account; give it an engine and either a limiter or the ERP's pacing.
     *
     * @param accountId the account's id, as the token store and limiter know it; not blank
     * @return the builder
     * @throws IllegalArgumentException when {@code accountId} is blank
     */
    public static Builder builder(String accountId) {
        return new Builder(accountId);
    }

    /**
     * The account this job syncs.
     *
     * @return the account's id, not blank
     */
    public String accountId() {
        return accountId;
    }

    /**
     * The account's limiter, when the host gave one; otherwise the scheduler builds one.
     *
     * @return the host's limiter, or empty when the scheduler builds one from {@link #pacing()}
     */
    public Optional<RequestLimiter> limiter() {
        return limiter;
    }

    /**
     * The rule of the limiter the scheduler builds when no limiter was given: the ERP's
     * {@link #pacing} with {@link #dailyBudget}.
     *
     * @return the rule, empty when the host gave a limiter
     */
    public Optional<Pacing> pacing() {
        return pacing.map(p -> p.withDailyBudget(dailyBudget()));
    }

    /**
     * The budget of the limiter the scheduler builds (when no limiter was given): the one set, or
     * {@link #DEFAULT_BUDGET_SHARE} of the ERP's quota.
     *
     * @return requests a day; 0 when the host gave a limiter (whose budget counts)
     */
    public long dailyBudget() {
        return dailyBudget.orElseGet(() -> pacing.map(p -> Math.max(1, (long) (p.dailyBudget() * DEFAULT_BUDGET_SHARE)))
                .orElse(0L));
    }

    Function<JobContext, SyncEngine> engineFactory() {
        return engine;
    }

    /** Whether the engine was built from the scheduler's context (gated limiter, progress). */
    boolean engineFromContext() {
        return engineFromContext;
    }

    /**
     * Time from the end of one run to the start of the next.
     *
     * @return the interval, positive
     */
    public Duration interval() {
        return interval;
    }

    /**
     * The most that is added at random to each interval.
     *
     * @return the jitter, zero or positive, not above the interval
     */
    public Duration jitter() {
        return jitter;
    }

    /**
     * The plan options of every run of this job.
     *
     * @return the options
     */
    public PlanOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "AccountJob[" + accountId + ", every " + interval + " +" + jitter + "]";
    }

    /** Builds an {@link AccountJob}; the engine is required. */
    public static final class Builder {
        private final String accountId;
        private Optional<RequestLimiter> limiter = Optional.empty();
        private OptionalLong dailyBudget = OptionalLong.empty();
        private Optional<Pacing> pacing = Optional.empty();
        private Function<JobContext, SyncEngine> engine;
        private boolean engineFromContext;
        private Duration interval = Duration.ofMinutes(15);
        private Duration jitter = Duration.ofMinutes(1);
        private PlanOptions options = PlanOptions.defaults();

        private Builder(String accountId) {
            Objects.requireNonNull(accountId, "accountId");
            if (accountId.isBlank()) {
                throw new IllegalArgumentException("accountId must not be blank");
            }
            this.accountId = accountId;
        }

        /**
         * The account's limiter, shared with everything else that talks to the account; its daily
         * budget is the budget runs are planned against. Without one the scheduler builds a
         * {@link io.cathalog.core.http.LocalRequestLimiter} with {@link #dailyBudget}.
         *
         * @param limiter the account's limiter; its account id is this job's
         * @return this builder
         * @throws IllegalArgumentException when the limiter is for another account
         */
        public Builder limiter(RequestLimiter limiter) {
            Objects.requireNonNull(limiter, "limiter");
            if (!limiter.accountId().equals(accountId)) {
                throw new IllegalArgumentException("the limiter is for account '" + limiter.accountId()
                        + "', the job for '" + accountId + "'");
            }
            this.limiter = Optional.of(limiter);
            return this;
        }

        /**
         * The ERP's pacing rule, for the limiter the scheduler builds when no {@link #limiter} is
         * given (for Bling: {@code BlingPacing.standard()}).
         *
         * @param rule the ERP's rule; its budget is replaced by {@link #dailyBudget}
         * @return this builder
         */
        public Builder pacing(Pacing rule) {
            this.pacing = Optional.of(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * The daily budget of the limiter the scheduler builds; default {@link #DEFAULT_BUDGET_SHARE}
         * of the rule's.
         *
         * @param budget at least 1
         * @return this builder
         */
        public Builder dailyBudget(long budget) {
            if (budget < 1) {
                throw new IllegalArgumentException("a daily budget is at least 1, got " + budget);
            }
            this.dailyBudget = OptionalLong.of(budget);
            return this;
        }

        /**
         * The engine, built once from the scheduler's context: build the account's client with
         * {@code ctx.limiter()} and the engine with {@code ctx.progress()}, so that the status
         * shows progress and shutdown stops the run between two changes.
         *
         * @param factory builds the account's engine from the scheduler's context; called once
         * @return this builder
         */
        public Builder engine(Function<JobContext, SyncEngine> factory) {
            this.engine = Objects.requireNonNull(factory, "factory");
            this.engineFromContext = true;
            return this;
        }

        /**
         * A ready engine. The scheduler then cannot stop a run between two changes (shutdown waits
         * for the run, then interrupts it) nor see its progress.
         *
         * @param engine the account's engine
         * @return this builder
         */
        public Builder engine(SyncEngine engine) {
            Objects.requireNonNull(engine, "engine");
            this.engine = ctx -> engine;
            this.engineFromContext = false;
            return this;
        }

        /**
         * Time from the end of one run to the start of the next; default 15 minutes.
         *
         * @param interval positive
         * @return this builder
         * @throws IllegalArgumentException when {@code interval} is not positive
         */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("an interval is positive, got " + interval);
            }
            this.interval = interval;
            return this;
        }

        /**
         * Up to this much is added at random to each interval, so that many accounts (and
         * instances) do not all start at once; default 1 minute; zero for none.
         *
         * @param jitter zero or positive; not above the interval (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException when {@code jitter} is negative
         */
        public Builder jitter(Duration jitter) {
            Objects.requireNonNull(jitter, "jitter");
            if (jitter.isNegative()) {
                throw new IllegalArgumentException("jitter must not be negative, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * The plan options of every run; default {@link PlanOptions#defaults()} (incremental).
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(PlanOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The job.
         *
         * @return the job, immutable
         * @throws IllegalStateException when no engine was given, when neither a limiter nor a pacing
         *                               was given or both were, or when the jitter exceeds the interval
         */
        public AccountJob build() {
            if (engine == null) {
                throw new IllegalStateException("an AccountJob needs engine(...)");
            }
            if (limiter.isPresent() && (dailyBudget.isPresent() || pacing.isPresent())) {
                throw new IllegalStateException(
                        "give either limiter(...) (whose rule and budget count) or pacing(...) and dailyBudget(...), not both");
            }
            if (limiter.isEmpty() && pacing.isEmpty()) {
                throw new IllegalStateException("an AccountJob needs limiter(...) or the ERP's pacing(...) "
                        + "(for Bling: BlingPacing.standard())");
            }
            if (jitter.compareTo(interval) > 0) {
                throw new IllegalStateException("jitter (" + jitter + ") must not exceed the interval (" + interval + ")");
            }
            return new AccountJob(this);
        }
    }
}
