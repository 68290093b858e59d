package io.cathalog.core.jobs;

import io.cathalog.core.http.LocalRequestLimiter;
import io.cathalog.core.testing.TestPacing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountJobTest {

    @Test
    void aJobWithoutALimiterNeedsTheErpsPacingRuleAndSpendsItsShareOfTheQuota() {
        assertThatThrownBy(() -> AccountJob.builder("acme").engine(ctx -> null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pacing(...)");

        AccountJob job = AccountJob.builder("acme").pacing(TestPacing.threePerSecond()).engine(ctx -> null).build();
        assertThat(job.dailyBudget()).isEqualTo(72_000);
        assertThat(job.pacing().orElseThrow().dailyBudget()).isEqualTo(72_000);
        assertThat(job.pacing().orElseThrow().ratePerSecond()).isEqualTo(2.85);

        AccountJob lower = AccountJob.builder("acme").pacing(TestPacing.threePerSecond()).dailyBudget(1_000)
                .engine(ctx -> null).build();
        assertThat(lower.pacing().orElseThrow().dailyBudget()).isEqualTo(1_000);
    }

    @Test
    void aGivenLimiterKeepsItsOwnRuleAndBudget() {
        var limiter = LocalRequestLimiter.builder("acme", TestPacing.threePerSecond()).build();
        AccountJob job = AccountJob.builder("acme").limiter(limiter).engine(ctx -> null).build();
        assertThat(job.pacing()).isEmpty();
        assertThatThrownBy(() -> AccountJob.builder("acme").limiter(limiter).pacing(TestPacing.threePerSecond())
                .engine(ctx -> null).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    }
}
