package io.cathalog.core.auth;

/**
 * An ERP's OAuth 2.0 token endpoint, for one registered app (its client credentials are the
 * implementation's business). Calls are not throttled here: the {@link TokenManager} and
 * {@link AuthorizationFlow} do that, with a {@link TokenCallThrottle} per app.
 *
 * <p>Errors are typed: {@link io.cathalog.core.AuthorizationException} with an
 * {@link OAuthErrors} code for an OAuth refusal ({@code invalid_grant}, {@code invalid_client},
 * {@code code_reused}, ...), {@link io.cathalog.core.BlockedException} when the ERP blocks token
 * calls, {@link io.cathalog.core.TransportException} when no usable answer came (the grant may
 * then have been spent), other {@link io.cathalog.core.RemoteException}s for other answers.
 * Implementations never put a token, code or client secret in a message or a log.
 */
public interface TokenEndpoint {

    /**
     * Exchanges an authorization code. Must send the request at most once, whatever happens: a
     * code is single-use, and some ERPs (Bling) revoke the user's access when a code comes twice.
     *
     * @param code the authorization code the callback carried
     * @return what the endpoint granted
     */
    TokenGrant exchangeCode(String code);

    /**
     * Spends a refresh token for a new pair. May resend only when the first attempt provably never
     * reached the server (the connection could not be opened): a refresh token is single-use too.
     *
     * @param refreshToken the stored refresh token, spent by this call
     * @return what the endpoint granted; its refresh token replaces the spent one
     */
    TokenGrant refresh(String refreshToken);
}
