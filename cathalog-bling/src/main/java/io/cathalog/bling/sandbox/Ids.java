package io.cathalog.bling.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Id sequences, shared by all accounts of one sandbox as Bling's are global. They start above
 * 2^32 so that a client storing ids in an {@code int} fails at once.
 */
final class Ids {
    final AtomicLong product = new AtomicLong(16_000_000_000L);
    final AtomicLong category = new AtomicLong(8_100_000_000L);
    final AtomicLong categoryStoreLink = new AtomicLong(8_300_000_000L);
    final AtomicLong storeLink = new AtomicLong(8_500_000_000L);
    final AtomicLong customField = new AtomicLong(7_100_000_000L);
    final AtomicLong option = new AtomicLong(7_300_000_000L);
    final AtomicLong valueLink = new AtomicLong(7_500_000_000L);
    final AtomicLong channel = new AtomicLong(205_000_000_000L);
    final AtomicLong groupLink = new AtomicLong(7_700_000_000L);
    final AtomicLong listing = new AtomicLong(9_100_000_000L);

    static long next(AtomicLong seq) {
        return seq.incrementAndGet();
    }
}
