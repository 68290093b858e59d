package io.cathalog.core.testing;

import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.RemoteValidationException;
import io.cathalog.core.TransportException;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.ProductQuery;
import io.cathalog.core.remote.RemoteOperation;
import io.cathalog.core.remote.RemoteProductSummary;
import io.cathalog.core.testing.InMemoryCatalogRemote.Call;
import io.cathalog.core.testing.InMemoryCatalogRemote.Fault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake ERP keeps the rules the engine's tests rely on. */
class InMemoryCatalogRemoteTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final InMemoryCatalogRemote remote = new InMemoryCatalogRemote(clock);

    private static ProductChanges category(long id) {
        return new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalLong.of(id), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void changeTimesHaveWholeSeconds() {
        clock.advance(Duration.ofMillis(700));
        long id = remote.addProduct(InMemoryCatalogRemote.product("S", "Produto"));

        // Changed at 12:00:00.700, stamped 12:00:00: listed from 12:00:00.900 (the same second) on.
        assertThat(remote.products(ProductQuery.all().changedSince(clock.instant().plusMillis(200))))
                .extracting(RemoteProductSummary::id).containsExactly(id);
        assertThat(remote.products(ProductQuery.all().changedSince(clock.instant().plusMillis(300)))).isEmpty();
    }

    @Test
    void aCategoryWithChildrenOrProductsIsNotDeleted() {
        long parent = remote.addCategory("Pai");
        long child = remote.addCategory("Filho", OptionalLong.of(parent));
        long p = remote.addProduct(InMemoryCatalogRemote.product("S", "Produto"));
        remote.editProduct(p, category(child));

        assertThatThrownBy(() -> remote.deleteCategory(parent)).isInstanceOf(RemoteValidationException.class)
                .hasMessageContaining("sub-categories");
        assertThatThrownBy(() -> remote.deleteCategory(child)).isInstanceOf(RemoteValidationException.class)
                .hasMessageContaining("products");
        remote.editProduct(p, category(parent));
        remote.deleteCategory(child);
        assertThat(remote.categoryNow(child)).isEmpty();
    }

    @Test
    void aLostAnswerAppliesTheCallAndARefusalDoesNot() {
        remote.inject(Call.CREATE_CATEGORY, Fault.lostAnswer()).inject(Call.CREATE_CATEGORY, Fault.dailyQuota());

        assertThatThrownBy(() -> remote.createCategory("A", OptionalLong.empty())).isInstanceOf(TransportException.class);
        assertThatThrownBy(() -> remote.createCategory("B", OptionalLong.empty()))
                .isInstanceOf(DailyQuotaExceededException.class);
        remote.createCategory("C", OptionalLong.empty());

        assertThat(remote.categoriesNow()).extracting(c -> c.name()).containsExactly("A", "C");
        assertThat(remote.calls(Call.CREATE_CATEGORY)).isEqualTo(3);
        assertThat(remote.writes()).isEqualTo(3);
    }

    @Test
    void aCustomValueWithoutItsLinkIdIsAddedAsASecondValue() {
        long field = remote.addCustomField("Cor");
        long p = remote.addProduct(InMemoryCatalogRemote.product("S", "Produto"));
        ProductChanges add = new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(new CustomFieldValue(field, OptionalLong.empty(), "azul")));
        remote.updateProduct(p, add);
        CustomFieldValue stored = remote.productNow(p).orElseThrow().customFields().get(0);
        assertThat(stored.linkId()).isPresent();

        remote.updateProduct(p, add);
        remote.updateProduct(p, new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(new CustomFieldValue(field, stored.linkId(), "verde"))));

        assertThat(remote.productNow(p).orElseThrow().customFields()).extracting(CustomFieldValue::value)
                .containsExactly("verde", "azul");
    }

    @Test
    void costsAreOnePerOperationUnlessSaidOtherwise() {
        remote.cost(RemoteOperation.UPDATE_PRODUCT_STORE_LINK, 2);

        assertThat(remote.requests(RemoteOperation.UPDATE_PRODUCT_STORE_LINK)).isEqualTo(2);
        assertThat(remote.requests(RemoteOperation.CREATE_PRODUCT)).isEqualTo(1);
    }
}
