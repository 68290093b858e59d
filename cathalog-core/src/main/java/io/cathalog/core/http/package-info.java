/**
 * What a host configures of the HTTP side: one {@link io.cathalog.core.http.RequestLimiter} per
 * account shared by every thread and client of that account (in memory:
 * {@link io.cathalog.core.http.LocalRequestLimiter}; the rule: {@link io.cathalog.core.http.Pacing}),
 * the {@link io.cathalog.core.http.RetryPolicy}, the {@link io.cathalog.core.http.ErrorCircuit} that
 * opens well before an ERP blocks the IP, the {@link io.cathalog.core.http.AccessTokenProvider} and a
 * {@link io.cathalog.core.http.RequestListener} for metrics. The transport itself is in
 * {@code io.cathalog.core.http.internal}, exported only to the sibling modules.
 */
package io.cathalog.core.http;
