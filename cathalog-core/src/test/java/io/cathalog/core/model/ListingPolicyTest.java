package io.cathalog.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cathalog.core.ValidationException;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListingPolicyTest {
    private static ListingPolicy.ProductOverride price(String p) {
        return new ListingPolicy.ProductOverride(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new BigDecimal(p)), Optional.empty());
    }

    @Test
    void defaultsCreateAndPublishAndAnOverrideWinsForItsProductOnly() {
        ListingPolicy p = ListingPolicy.builder().listingType("gold_special").override("B", price("9.90"))
                .override("A", new ListingPolicy.ProductOverride(Optional.of(false), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty())).build();
        assertThat(p.createListings()).isTrue();
        assertThat(p.status()).isEqualTo(ListingPolicy.ListingStatus.PUBLISHED);
        assertThat(p.overrides().keySet()).containsExactly("A", "B");
        assertThat(p.forProduct("A").list()).isFalse();
        assertThat(p.forProduct("B").price()).contains(new BigDecimal("9.90"));
        assertThat(p.forProduct("C")).isEqualTo(new ListingPolicy.Effective(true, ListingPolicy.ListingStatus.PUBLISHED,
                Optional.of("gold_special"), false, Optional.empty(), Optional.empty()));
        assertThat(ListingPolicy.none().forProduct("C").list()).isFalse();
    }

    @Test
    void badValuesAreRefusedNamingThePlace() {
        assertThatThrownBy(() -> ListingPolicy.builder().listingType("Gold Pro").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("listing_type");
        assertThatThrownBy(() -> price("-1")).isInstanceOf(ValidationException.class).hasMessageContaining("price");
        assertThatThrownBy(() -> ListingPolicy.builder().override("A", price("1")).override("A", price("2")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("A");
        assertThatThrownBy(() -> new ListingPolicy.ProductOverride(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(" "))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("title");
    }
}
