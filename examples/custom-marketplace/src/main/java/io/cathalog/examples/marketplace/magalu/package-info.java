/**
 * A marketplace plugin written outside the library, as a host would: {@link
 * io.cathalog.examples.marketplace.magalu.MagaluMapper} checks products against Magalu-style rules
 * read from this package's own requirements file ({@link
 * io.cathalog.examples.marketplace.magalu.MagaluRequirements}), and is registered in
 * {@code META-INF/services} so that {@code MarketplaceRegistry.load} finds it.
 */
package io.cathalog.examples.marketplace.magalu;
