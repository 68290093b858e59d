/**
 * Bling's webhooks: {@link io.cathalog.bling.webhooks.WebhookReceiver} verifies the
 * {@code X-Bling-Signature-256} HMAC over the raw body, deduplicates deliveries, and asks the
 * scheduler for an immediate incremental sync of the account whose products changed. Bling's
 * webhook protocol lives here, not in the ERP-neutral core.
 */
package io.cathalog.bling.webhooks;
