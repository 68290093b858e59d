/**
 * The Mercado Livre (site MLB) plugin: {@link io.cathalog.marketplaces.mercadolivre.MercadoLivreMapper}
 * and the {@link io.cathalog.marketplaces.mercadolivre.MercadoLivreRequirements} that read
 * Mercado Livre's own JSON ({@code /categories/{id}}, {@code /categories/{id}/attributes} and the
 * conditional-attributes answer).
 */
package io.cathalog.marketplaces.mercadolivre;
