package io.cathalog.bling.dto;

import java.util.Arrays;
import java.util.Optional;

/** A product's {@code situacao}. */
public enum ProductSituation {
    ACTIVE("A"),
    INACTIVE("I"),
    /** Marked deleted ("Excluído"), through {@code PATCH /produtos/{id}/situacoes}. */
    DELETED("E");

    private final String code;

    ProductSituation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The situation with Bling's code, if this library knows it. */
    public static Optional<ProductSituation> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
