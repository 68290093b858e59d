package io.cathalog.spring;

import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.AuditReport;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.RunControl;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import org.slf4j.MDC;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Puts the account into the logging context (MDC key {@value #KEY}) while the library works for
 * it, so every line the library logs through {@code System.Logger} (bridged to SLF4J, hence
 * Logback) carries the account: the log pattern prints {@code [%X{account}]}. The previous value is
 * restored after, so a thread that serves several accounts never shows a stale one.
 */
final class AccountLogging {
    static final String KEY = "account";

    private AccountLogging() {
    }

    /** Runs {@code work} with {@code accountId} in the logging context. */
    static <T> T with(String accountId, Supplier<T> work) {
        String before = MDC.get(KEY);
        MDC.put(KEY, accountId);
        try {
            return work.get();
        } finally {
            if (before == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, before);
            }
        }
    }

    /** The engine, with the account in the logging context during each of its calls. */
    static SyncEngine engine(String accountId, SyncEngine engine) {
        return new SyncEngine() {
            @Override
            public SyncPlan plan(PlanOptions options) {
                return with(accountId, () -> engine.plan(options));
            }

            @Override
            public ApplyReport apply(SyncPlan plan, RunControl control) {
                return with(accountId, () -> engine.apply(plan, control));
            }

            @Override
            public ApplyReport sync(PlanOptions options, Predicate<SyncPlan> proceed, RunControl control) {
                // The engine's own sync reads the ERP once for the plan and the apply.
                return with(accountId, () -> engine.sync(options, proceed, control));
            }

            @Override
            public AuditReport audit() {
                return with(accountId, engine::audit);
            }

            @Override
            public String toString() {
                return engine.toString();
            }
        };
    }
}
