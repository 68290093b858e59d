/**
 * Jobs: keeping every account in sync without anyone watching.
 *
 * <ul>
 *   <li>{@link io.cathalog.core.jobs.SyncScheduler} runs each registered account's incremental
 *       sync on an interval with jitter, never twice at once (in this process, and across
 *       instances through a {@link io.cathalog.core.lease.LeaseLock}), backs off after failures,
 *       pauses an account whose authorization is dead, plans each run against the account's
 *       daily request budget, keeps refresh tokens from lapsing and shuts down between two
 *       changes.</li>
 *   <li>{@link io.cathalog.core.jobs.SyncScheduler#requestSync} is what an ERP's webhook receiver
 *       calls (Bling's is {@code io.cathalog.bling.webhooks.WebhookReceiver}): an immediate
 *       incremental sync of the account, the products that changed remembered.</li>
 *   <li>{@link io.cathalog.core.jobs.AccountStatus} says where an account stands, as an object
 *       and as JSON.</li>
 * </ul>
 *
 * <p>The scheduler is level-triggered (like a Kubernetes controller): a run reads what changed in
 * the ERP since the previous run and makes it match the source of truth; it never replays events.
 * A webhook only makes the next run come sooner.
 */
package io.cathalog.core.jobs;
