/**
 * OAuth 2.0 tokens and where they are kept: the {@link io.cathalog.core.auth.TokenStore} SPI, the
 * {@link io.cathalog.core.auth.Tokens} value type (which never shows its secrets), and the
 * in-memory store. Tokens rotate on every refresh, so stores offer compare-and-set, never a
 * blind overwrite.
 */
package io.cathalog.core.auth;
