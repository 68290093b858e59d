package io.cathalog.core.sync.internal;

import io.cathalog.core.model.AttributeValue;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.sync.AttentionItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What a product should be in the ERP, field by field, with the rule behind each value. Empty
 * fields are left as the ERP has them.
 *
 * @param gtinRule   the rule that gave the GTIN; empty when it is the product's own
 * @param custom     free attributes (custom fields in the ERP), by name, as text
 * @param variations a declared family's variations, resolved; empty for any other product
 */
record DesiredProduct(String sku, Optional<RemoteProduct> observed, boolean declared, String name,
                      ProductStatus status, Optional<Decided<String>> brand, Optional<Gtin> gtin,
                      Optional<String> gtinRule, Optional<BigDecimal> price, Optional<Decided<String>> categoryKey,
                      Optional<Decided<Dimensions>> dimensions, Optional<Decided<Weight>> netWeight,
                      Optional<Decided<Weight>> grossWeight, SortedMap<String, Decided<AttributeValue>> custom,
                      List<AttentionItem> attention, List<DesiredVariation> variations) {
}
