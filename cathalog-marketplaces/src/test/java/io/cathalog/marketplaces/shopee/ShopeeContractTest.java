package io.cathalog.marketplaces.shopee;

import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.testkit.MarketplaceMapperContract;
import io.cathalog.marketplaces.Fixtures;

import java.util.List;
import java.util.Optional;

class ShopeeContractTest extends MarketplaceMapperContract {

    @Override
    protected MarketplaceMapper newMapper() {
        return Fixtures.shopeeMapper();
    }

    @Override
    protected List<String> leafCategories() {
        return List.of("100416", "100716", "100348");
    }

    @Override
    protected Optional<String> nonLeafCategory() {
        return Optional.of("100010");
    }

    @Override
    protected Optional<String> categoryWithUnknownAttributeType() {
        return Optional.of("100416");
    }
}
