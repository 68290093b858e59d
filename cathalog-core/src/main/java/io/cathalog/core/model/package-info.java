/**
 * The domain model: the desired state a host declares ({@link io.cathalog.core.model.Catalog}
 * with its {@link io.cathalog.core.model.CategoryTree}, {@link io.cathalog.core.model.Product}s,
 * rules and {@link io.cathalog.core.model.Store}s) and the value types it is made of.
 *
 * <p>Every type here is immutable and validated when built: an instance that exists is valid.
 * Invalid values are refused with a {@link io.cathalog.core.ValidationException} whose problems
 * point at the offending field. Nothing here accepts or returns {@code null}; optional values are
 * {@link java.util.Optional}.
 */
package io.cathalog.core.model;
