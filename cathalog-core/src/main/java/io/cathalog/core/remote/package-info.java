/**
 * The port the engine needs from an ERP: {@link io.cathalog.core.remote.CatalogRemote}, and the
 * records it reads and writes. The Bling module implements it; the names here are the domain's,
 * not Bling's (no {@code descricao}, no {@code codigo}: name, SKU).
 *
 * <p>Ids are the ERP's, as {@code long}. Every method may throw a
 * {@link io.cathalog.core.CathalogException} leaf (rate limit, daily quota, reauthorization
 * required, remote validation error...).
 */
package io.cathalog.core.remote;
