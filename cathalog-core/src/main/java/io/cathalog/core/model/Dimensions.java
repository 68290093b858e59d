package io.cathalog.core.model;

import java.util.Objects;

/** Width, height and depth of a product's package, each with its own unit. */
public record Dimensions(Length width, Length height, Length depth) {

    public Dimensions {
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
        Objects.requireNonNull(depth, "depth");
    }

    /** The same dimensions, each converted exactly to {@code unit}. */
    public Dimensions to(LengthUnit unit) {
        return new Dimensions(width.to(unit), height.to(unit), depth.to(unit));
    }

    public boolean isSameAs(Dimensions other) {
        return width.isSameAs(other.width) && height.isSameAs(other.height) && depth.isSameAs(other.depth);
    }
}
