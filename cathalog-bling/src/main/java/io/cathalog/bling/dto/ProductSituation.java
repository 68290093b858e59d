package io.cathalog.bling.dto;

import java.util.Arrays;
import java.util.Optional;

/** A product's {@code situacao}. */
public enum ProductSituation {
    /** Active ({@code A}): on sale. */
    ACTIVE("A"),
    /** Inactive ({@code I}): kept but not on sale. */
    INACTIVE("I"),
    /** Marked deleted ("Excluído"), through {@code PATCH /produtos/{id}/situacoes}. */
    DELETED("E");

    private final String code;

    ProductSituation(String code) {
        this.code = code;
    }

    /**
     * Bling's code for the situation.
     *
     * @return {@code A}, {@code I} or {@code E}
     */
    public String code() {
        return code;
    }

    /**
     * The situation with Bling's code, if this library knows it.
     *
     * @param code Bling's {@code situacao}, e.g. {@code A}
     * @return the situation; empty for a code this library does not know
     */
    public static Optional<ProductSituation> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
