/**
 * OAuth 2.0 for Bling: the token endpoint ({@link io.cathalog.bling.oauth.BlingTokenEndpoint}),
 * the authorize URL and the wiring of a core {@code TokenManager}
 * ({@link io.cathalog.bling.oauth.BlingAuthorization}). Token handling itself (single flight,
 * rotation, storage, encryption) lives in {@code io.cathalog.core.auth}.
 */
package io.cathalog.bling.oauth;
