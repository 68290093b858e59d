package io.cathalog.core.remote;

import io.cathalog.core.model.ProductStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * A product as a list shows it: cheap to read, a hundred at a time, without category or custom
 * fields.
 *
 * @param sku     empty when the product has no code in the ERP
 * @param deleted marked deleted in the ERP (Bling's situation {@code E})
 */
public record RemoteProductSummary(long id, Optional<String> sku, String name, ProductStatus status, boolean deleted) {
    public RemoteProductSummary {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
