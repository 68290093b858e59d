package io.cathalog.core.marketplace;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RequirementsProvider} that keeps its delegate's answers (Caffeine) for a time to live,
 * up to a maximum number of categories. Failures are not kept: the next call asks again.
 */
public final class CachedRequirementsProvider implements RequirementsProvider {
    private final LoadingCache<String, CategoryRequirements> cache;

    CachedRequirementsProvider(RequirementsProvider delegate, CacheSettings settings) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(settings, "settings");
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(settings.timeToLive())
                .maximumSize(settings.maximumSize())
                .ticker(ticker(settings.clock()))
                // Maintenance on the calling thread: no background threads, and evictions are
                // visible at once (which tests rely on).
                .executor(Runnable::run)
                .build(delegate::requirements);
    }

    @Override
    public CategoryRequirements requirements(String categoryId) {
        return cache.get(Objects.requireNonNull(categoryId, "categoryId"));
    }

    /**
     * The requirements kept now for a category, without asking the delegate: how a caller tells
     * what a read would cost.
     *
     * @param categoryId the marketplace category
     * @return the kept requirements, or empty when a read would ask the delegate
     */
    public Optional<CategoryRequirements> peek(String categoryId) {
        return Optional.ofNullable(cache.getIfPresent(Objects.requireNonNull(categoryId, "categoryId")));
    }

    /**
     * Forgets one category, e.g. after the marketplace reported it moved.
     *
     * @param categoryId the marketplace category; its next read asks the delegate
     */
    public void invalidate(String categoryId) {
        cache.invalidate(categoryId);
    }

    /** Forgets every category; the next read of each asks the delegate. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /**
     * How many categories are kept now (after pending maintenance).
     *
     * @return the number of categories kept
     */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
