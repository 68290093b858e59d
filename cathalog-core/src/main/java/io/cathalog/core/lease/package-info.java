/**
 * Run leases: so that several instances of a host application never sync one account at the same
 * time. {@link io.cathalog.core.lease.LeaseLock} is the SPI (in-memory here, a database table in
 * the JPA module); a lease has an owner and an expiry, so a dead owner's lease lapses.
 */
package io.cathalog.core.lease;
