package io.cathalog.core.marketplace;

import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedRequirementsProviderTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final AtomicInteger reads = new AtomicInteger();

    private final RequirementsProvider source = id -> {
        reads.incrementAndGet();
        if (id.startsWith("bad")) {
            throw new RequirementsUnavailableException(id, "unknown category " + id);
        }
        return new CategoryRequirements("test", id, "Category " + id, List.of(id), true, List.of(),
                new ListingLimits(0, 60, false, false, GtinPolicy.NOT_ASKED), Optional.empty());
    };

    @Test
    void keepsAnswersForTheirTimeToLive() {
        CachedRequirementsProvider cached = RequirementsProvider.cached(source,
                new CacheSettings(Duration.ofHours(1), 10, clock));
        cached.requirements("A");
        cached.requirements("A");
        assertThat(reads).hasValue(1);
        clock.advance(Duration.ofMinutes(59));
        cached.requirements("A");
        assertThat(reads).hasValue(1);
        clock.advance(Duration.ofMinutes(2));
        cached.requirements("A");
        assertThat(reads).hasValue(2);
    }

    @Test
    void keepsAtMostTheMaximumNumberOfCategories() {
        CachedRequirementsProvider cached = RequirementsProvider.cached(source,
                new CacheSettings(Duration.ofHours(1), 2, clock));
        for (String id : List.of("A", "B", "C", "D")) {
            cached.requirements(id);
        }
        assertThat(cached.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void failuresAreNotKeptAndInvalidateForgets() {
        CachedRequirementsProvider cached = RequirementsProvider.cached(source, CacheSettings.defaults().withClock(clock));
        assertThatThrownBy(() -> cached.requirements("bad1")).isInstanceOf(RequirementsUnavailableException.class);
        assertThatThrownBy(() -> cached.requirements("bad1")).isInstanceOf(RequirementsUnavailableException.class);
        assertThat(reads).hasValue(2);
        cached.requirements("A");
        cached.invalidate("A");
        cached.requirements("A");
        assertThat(reads).hasValue(4);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new CacheSettings(Duration.ZERO, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheSettings(Duration.ofMinutes(1), 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
