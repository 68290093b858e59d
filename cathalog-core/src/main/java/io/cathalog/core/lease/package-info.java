/**
 * Run leases: so that several instances of a host application never sync one account at the same
 * time. {@link io.cathalog.core.lease.LeaseLock} is the SPI (in-memory here, a database table in
 * the JPA module); a lease has an owner and an expiry, so a dead owner's lease lapses, and a fence
 * that grows with every acquisition, which state writes carry
 * ({@link io.cathalog.core.sync.SyncStateStore#fenced}) so that an owner that lost its lease cannot
 * write after another took over. {@link io.cathalog.core.lease.LeaseHeartbeat} keeps a run's lease
 * alive and reports its loss.
 */
package io.cathalog.core.lease;
