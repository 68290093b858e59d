package io.cathalog.bling.dto;

import java.util.Arrays;
import java.util.Optional;

/** A listing's ({@code /anuncios}) {@code situacao}, as the spec numbers it. */
public enum BlingListingSituation {
    /** {@code 1} Publicado. */
    PUBLISHED(1),
    /** {@code 2} Rascunho: created, never published. */
    DRAFT(2),
    /** {@code 3} Com problema: the marketplace refused it. */
    WITH_PROBLEM(3),
    /** {@code 4} Pausado. */
    PAUSED(4);

    private final int code;

    BlingListingSituation(int code) {
        this.code = code;
    }

    /**
     * Bling's number.
     *
     * @return 1 to 4
     */
    public int code() {
        return code;
    }

    /**
     * The situation with Bling's number, if this library knows it.
     *
     * @param code Bling's {@code situacao} (or {@code status})
     * @return the situation, or empty for a number Bling added since
     */
    public static Optional<BlingListingSituation> of(long code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }
}
