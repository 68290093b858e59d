package io.cathalog.core.model;

import java.util.Objects;

/**
 * Width, height and depth of a product's package, each with its own unit.
 *
 * @param width  the package's width
 * @param height the package's height
 * @param depth  the package's depth
 */
public record Dimensions(Length width, Length height, Length depth) {

    /**
     * @param width  the package's width
     * @param height the package's height
     * @param depth  the package's depth
     * @throws NullPointerException if a length is null
     */
    public Dimensions {
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
        Objects.requireNonNull(depth, "depth");
    }

    /**
     * The same dimensions in one unit.
     *
     * @param unit the unit to convert to
     * @return each length converted exactly to {@code unit}
     * @throws ArithmeticException if a conversion has no exact decimal result
     */
    public Dimensions to(LengthUnit unit) {
        return new Dimensions(width.to(unit), height.to(unit), depth.to(unit));
    }

    /**
     * Whether two packages measure the same, whatever the units they are written in.
     *
     * @param other the other dimensions
     * @return true when width, height and depth are each {@linkplain Length#isSameAs the same}
     */
    public boolean isSameAs(Dimensions other) {
        return width.isSameAs(other.width) && height.isSameAs(other.height) && depth.isSameAs(other.depth);
    }
}
