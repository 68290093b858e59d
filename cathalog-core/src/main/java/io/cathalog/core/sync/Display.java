package io.cathalog.core.sync;

import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.ProductStatus;

import java.util.Locale;

/** How typed values read in plans and reports: one place, so text and JSON agree. */
final class Display {
    private Display() {
    }

    static String status(ProductStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** "18 cm x 20 cm x 8 cm": width, height, depth. */
    static String dimensions(Dimensions d) {
        return d.width() + " x " + d.height() + " x " + d.depth();
    }

    static String entity(EntityKind k) {
        return k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
