package io.cathalog.core.remote;

import io.cathalog.core.model.ProductStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * A product as a list shows it: cheap to read, a hundred at a time, without category or custom
 * fields.
 *
 * @param id       its id in the ERP
 * @param sku      its code; empty when the product has no code in the ERP
 * @param name     its name
 * @param status   its status
 * @param type     the ERP's product type code (Bling: {@code P} product, {@code S} service...)
 * @param deleted  marked deleted in the ERP (Bling's situation {@code E})
 * @param variation a variation of another product (managed through its parent)
 * @param parentId  a variation's parent, as the list says ({@code idProdutoPai}); empty when it
 *                  says none
 */
public record RemoteProductSummary(long id, Optional<String> sku, String name, ProductStatus status, String type,
                                   boolean deleted, boolean variation, java.util.OptionalLong parentId) {
    /**
     * @param id        its id in the ERP
     * @param sku       its code; empty when the product has no code in the ERP
     * @param name      its name
     * @param status    its status
     * @param type      the ERP's product type code (Bling: {@code P} product, {@code S} service...)
     * @param deleted   marked deleted in the ERP (Bling's situation {@code E})
     * @param variation a variation of another product (managed through its parent)
     * @param parentId  a variation's parent, as the list says ({@code idProdutoPai}); empty when it
     *                  says none
     * @throws NullPointerException if a component is null
     */
    public RemoteProductSummary {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
    }

    /**
     * A summary that says nothing of a parent.
     *
     * @param id        its id
     * @param sku       its code
     * @param name      its name
     * @param status    its status
     * @param type      the ERP's type code
     * @param deleted   marked deleted
     * @param variation a variation of another product
     */
    public RemoteProductSummary(long id, Optional<String> sku, String name, ProductStatus status, String type,
                                boolean deleted, boolean variation) {
        this(id, sku, name, status, type, deleted, variation, java.util.OptionalLong.empty());
    }
}
