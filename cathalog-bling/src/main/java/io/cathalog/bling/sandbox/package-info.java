/**
 * BlingSandbox: an in-process emulator of the Bling ERP API v3 (OAuth 2.0, product categories,
 * products, store links, custom fields, sales channels, limits and IP blocks) served over real
 * HTTP on the JDK's own server, so that clients, tests, benchmarks and demos can run without a
 * Bling account. Where Bling's behaviour is undocumented it picks the strictest plausible choice
 * and makes it switchable; {@code docs/sandbox.md} lists every choice.
 *
 * <p>Stands alone: it depends on the JDK and Jackson only, never on Cathalog's core classes,
 * because it plays the part of Bling, not of the library.
 */
package io.cathalog.bling.sandbox;
