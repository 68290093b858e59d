package io.cathalog.marketplaces.mercadolivre;

import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.testkit.MarketplaceMapperContract;
import io.cathalog.marketplaces.Fixtures;

import java.util.List;
import java.util.Optional;

class MercadoLivreContractTest extends MarketplaceMapperContract {

    @Override
    protected MarketplaceMapper newMapper() {
        return Fixtures.mercadoLivreMapper();
    }

    @Override
    protected List<String> leafCategories() {
        return List.of("MLB196208", "MLB270241", "MLB31447");
    }

    @Override
    protected Optional<String> nonLeafCategory() {
        return Optional.of("MLB1000");
    }

    @Override
    protected Optional<String> categoryWithUnknownAttributeType() {
        return Optional.of("MLB196208");
    }

    @Override
    protected String unknownCategory() {
        return "MLB999999";
    }
}
