package io.cathalog.core.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A product a webhook said changed. Informational: the run that follows reads what changed in the
 * ERP itself (level-triggered), so a lost or reordered event cannot make the account drift.
 *
 * @param id      Bling's product id
 * @param sku     the product's code, when the event carried one
 * @param event   the event type, e.g. {@code product.updated}
 * @param eventId the delivery's event id
 * @param date    when Bling says the event happened
 */
public record ProductRef(long id, Optional<String> sku, String event, String eventId, Instant date) {
    /**
     * Checks the components.
     *
     * @param id      Bling's product id
     * @param sku     the product's code, when the event carried one
     * @param event   the event type, e.g. {@code product.updated}
     * @param eventId the delivery's event id
     * @param date    when Bling says the event happened
     * @throws NullPointerException when a component other than {@code id} is null
     */
    public ProductRef {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(date, "date");
    }
}
