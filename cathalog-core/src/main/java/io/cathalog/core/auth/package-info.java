/**
 * OAuth 2.0 for ERPs with rotating single-use refresh tokens.
 *
 * <ul>
 *   <li>Tokens and where they are kept: the {@link io.cathalog.core.auth.TokenStore} SPI
 *       (versioned compare-and-set, never a blind overwrite; an optional cross-process lock),
 *       {@link io.cathalog.core.auth.Tokens} (which never shows its secrets), the in-memory store
 *       and the {@link io.cathalog.core.auth.EncryptedFileTokenStore}.</li>
 *   <li>Encryption at rest: {@link io.cathalog.core.auth.AesGcmCipher} with keys from a
 *       {@link io.cathalog.core.auth.KeyProvider}.</li>
 *   <li>The token endpoint SPI, {@link io.cathalog.core.auth.TokenEndpoint}, and the
 *       {@link io.cathalog.core.auth.TokenManager} that refreshes through it: single flight per
 *       account, compare-and-set across processes, re-read after {@code invalid_grant}, a per-app
 *       {@link io.cathalog.core.auth.TokenCallThrottle}, and a keep-alive for idle accounts.</li>
 *   <li>The authorization-code flow, {@link io.cathalog.core.auth.AuthorizationFlow}, and a
 *       loopback callback server for command-line use.</li>
 * </ul>
 */
package io.cathalog.core.auth;
