/**
 * The HTTP transport every ERP client of Cathalog Sync runs on, built on {@code java.net.http}
 * and nothing else: one {@link io.cathalog.core.http.RequestLimiter} per account shared by every
 * thread and client of that account, retries that never repeat a write that may have been
 * applied, a circuit that opens well before an ERP blocks the IP, one forced token refresh on a
 * rejected token, and a {@link io.cathalog.core.http.RequestListener} for metrics.
 */
package io.cathalog.core.http;
