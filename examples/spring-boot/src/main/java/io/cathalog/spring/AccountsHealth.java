package io.cathalog.spring;

import io.cathalog.core.jobs.AccountStatus;
import io.cathalog.core.jobs.RunRecord;
import io.cathalog.core.jobs.SyncScheduler;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health per account ({@code /actuator/health/cathalog/<account>}): DOWN when its authorization is
 * dead (revoked, never given, refresh token lapsed: the scheduler paused it); otherwise UP, with the
 * last run and its outcome, the next run, the requests left today and the token expiry as details.
 * A failed run does not make it DOWN: the scheduler retries after a backoff, the details say so.
 */
final class AccountsHealth {
    private AccountsHealth() {
    }

    static CompositeHealthContributor of(Accounts accounts, SyncScheduler scheduler) {
        Map<String, HealthIndicator> byAccount = new LinkedHashMap<>();
        for (AccountRuntime a : accounts.all()) {
            byAccount.put(a.id(), () -> health(scheduler.status(a.id())));
        }
        return CompositeHealthContributor.fromMap(byAccount);
    }

    static Health health(AccountStatus s) {
        Health.Builder h = s.state() == AccountStatus.State.PAUSED ? Health.down() : Health.up();
        h.withDetail("state", s.state().name());
        h.withDetail("authorized", s.state() != AccountStatus.State.PAUSED);
        s.pauseReason().ifPresent(r -> h.withDetail("reason", r));
        s.accessTokenExpiresAt().ifPresent(t -> h.withDetail("accessTokenExpiresAt", t.toString()));
        s.refreshTokenLapsesAt().ifPresent(t -> h.withDetail("refreshTokenLapsesAt", t.toString()));
        if (s.lastRun().isPresent()) {
            RunRecord r = s.lastRun().get();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("endedAt", r.endedAt().toString());
            run.put("outcome", r.outcome().name());
            run.put("requests", r.requestsUsed());
            r.error().ifPresent(e -> run.put("error", e));
            h.withDetail("lastRun", run);
        }
        s.nextRunAt().ifPresent(t -> h.withDetail("nextRunAt", t.toString()));
        h.withDetail("requestsLeftToday", Math.max(0, s.dailyBudget() - s.requestsUsedToday()));
        h.withDetail("consecutiveFailures", s.consecutiveFailures());
        return h.build();
    }
}
