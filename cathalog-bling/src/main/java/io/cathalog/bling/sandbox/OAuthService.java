package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bling's OAuth 2.0 authorization-code flow: consent page, single-use codes that live a minute,
 * rotating single-use refresh tokens, and the access tokens the API routes accept. All state
 * changes are synchronized on this object: code and refresh-token consumption must be atomic.
 */
final class OAuthService {
    private static final System.Logger LOG = System.getLogger(OAuthService.class.getName());

    private final Settings s;
    private final Map<String, OAuthApp> apps;
    private final Map<String, AccountData> accounts;
    private final String defaultAccountId;
    private final SecureRandom random = new SecureRandom();
    private final SecretsJournal journal;

    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Access> access = new HashMap<>();
    private final Map<String, Refresh> refresh = new HashMap<>();

    record Grant(String clientId, String accountId) {
    }

    private static final class Code {
        final Grant grant;
        final Instant expiresAt;
        boolean used;

        Code(Grant grant, Instant expiresAt) {
            this.grant = grant;
            this.expiresAt = expiresAt;
        }
    }

    static final class Access {
        final Grant grant;
        final Set<Scope> scopes;
        Instant expiresAt;

        Access(Grant grant, Set<Scope> scopes, Instant expiresAt) {
            this.grant = grant;
            this.scopes = scopes;
            this.expiresAt = expiresAt;
        }
    }

    private record Refresh(Grant grant, Set<Scope> scopes, Instant expiresAt, String accessToken) {
    }

    OAuthService(Settings settings, Map<String, OAuthApp> apps, Map<String, AccountData> accounts,
            String defaultAccountId) {
        this.s = settings;
        this.apps = apps;
        this.accounts = accounts;
        this.defaultAccountId = defaultAccountId;
        this.journal = new SecretsJournal(settings.secretsJournal());
        apps.values().forEach(a -> journal.record(a.clientSecret()));
    }

    // ---------------------------------------------------------------- programmatic

    synchronized String newCode(String clientId, String accountId) {
        requireApp(clientId);
        requireAccount(accountId);
        String code = hex(20);
        codes.put(code, new Code(new Grant(clientId, accountId), s.clock().instant().plus(s.codeLifetime())));
        return code;
    }

    synchronized IssuedTokens issue(String clientId, String accountId, boolean jwt) {
        OAuthApp app = requireApp(clientId);
        requireAccount(accountId);
        return mint(new Grant(clientId, accountId), app.scopes(), jwt);
    }

    synchronized void revoke(String clientId, String accountId) {
        Grant grant = new Grant(clientId, accountId);
        access.values().removeIf(a -> a.grant.equals(grant));
        refresh.values().removeIf(r -> r.grant.equals(grant));
        codes.values().removeIf(c -> c.grant.equals(grant));
    }

    synchronized void expireAccessNow(String accountId) {
        Instant past = s.clock().instant().minusMillis(1);
        access.values().stream().filter(a -> a.grant.accountId().equals(accountId)).forEach(a -> a.expiresAt = past);
    }

    private OAuthApp requireApp(String clientId) {
        OAuthApp app = apps.get(clientId);
        if (app == null) {
            throw new IllegalArgumentException("no app with client id '" + clientId + "'; registered: " + apps.keySet());
        }
        return app;
    }

    private void requireAccount(String accountId) {
        if (!accounts.containsKey(accountId)) {
            throw new IllegalArgumentException("no account '" + accountId + "'; known: " + accounts.keySet());
        }
    }

    // ---------------------------------------------------------------- bearer check

    /** The account and scopes of a bearer token, or Bling's 401/400. */
    synchronized Access authenticate(Optional<String> authorization, Instant now) {
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            throw invalidToken("The access token provided is invalid");
        }
        String h = authorization.get().trim();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7) || h.substring(7).isBlank()) {
            throw new ApiException(400, "invalid_request", "invalid_request", "Malformed auth header");
        }
        Access a = access.get(h.substring(7).trim());
        if (a == null) {
            throw invalidToken("The access token provided is invalid");
        }
        if (!now.isBefore(a.expiresAt)) {
            throw invalidToken("The access token provided has expired");
        }
        return a;
    }

    private static ApiException invalidToken(String description) {
        return new ApiException(401, "invalid_token", "invalid_token", description);
    }

    // ---------------------------------------------------------------- token endpoint

    ApiResponse token(Call call) {
        String authz = call.header("Authorization").orElse("");
        if (authz.isBlank()) {
            throw invalidClient();
        }
        if (!authz.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ApiException(400, "invalid_request", "invalid_request", "Malformed auth header");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authz.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid_request", "invalid_request", "Malformed auth header");
        }
        int colon = decoded.indexOf(':');
        OAuthApp app = colon < 0 ? null : apps.get(decoded.substring(0, colon));
        if (app == null || !app.clientSecret().equals(decoded.substring(colon + 1))) {
            throw invalidClient();
        }
        String contentType = call.header("Content-Type").orElse("");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new ApiException(400, "invalid_request", "invalid_request",
                    "The token request must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = form(new String(call.body(), StandardCharsets.UTF_8));
        boolean jwt = switch (s.tokenFormat()) {
            case ALWAYS_JWT -> true;
            case ALWAYS_OPAQUE -> false;
            case JWT_WHEN_REQUESTED -> call.header("enable-jwt").map(v -> v.trim().equals("1")).orElse(false);
        };
        String grantType = form.getOrDefault("grant_type", "");
        IssuedTokens t = switch (grantType) {
            case "authorization_code" -> exchangeCode(app, form.getOrDefault("code", ""), call.now(), jwt);
            case "refresh_token" -> exchangeRefresh(app, form.getOrDefault("refresh_token", ""), call.now(), jwt);
            default -> throw new ApiException(400, "invalid_request", "invalid_request",
                    "grant_type must be authorization_code or refresh_token, got '" + grantType + "'");
        };
        ObjectNode body = Json.obj().put("access_token", t.accessToken())
                .put("expires_in", t.expiresIn().toSeconds()).put("token_type", "Bearer")
                .put("scope", t.scope()).put("refresh_token", t.refreshToken());
        return ApiResponse.raw(200, body);
    }

    private static ApiException invalidClient() {
        return new ApiException(401, "invalid_client", "invalid_client", "The client credentials are invalid");
    }

    private static ApiException invalidGrant(String description) {
        return new ApiException(400, "invalid_grant", "invalid_grant", description);
    }

    private synchronized IssuedTokens exchangeCode(OAuthApp app, String code, Instant now, boolean jwt) {
        if (code.isBlank()) {
            throw new ApiException(400, "invalid_request", "invalid_request", "The code parameter is required");
        }
        Code c = codes.get(code);
        if (c == null || !c.grant.clientId().equals(app.clientId())) {
            throw invalidGrant("The authorization code is invalid");
        }
        if (c.used) {
            // Bling's documented reaction to a reused code: the user's access is revoked.
            revoke(c.grant.clientId(), c.grant.accountId());
            LOG.log(System.Logger.Level.INFO, "authorization code reused; revoked access of account {0} for app {1}",
                    c.grant.accountId(), c.grant.clientId());
            throw new ApiException(400, "VALIDATION_ERROR", "Invalid authorization code",
                    "This authorization code has already been used, por medidas de segurança o usuário vinculado "
                            + "ao code terá o seu acesso revogado.");
        }
        if (!now.isBefore(c.expiresAt)) {
            throw invalidGrant("The authorization code has expired");
        }
        c.used = true;
        return mint(c.grant, app.scopes(), jwt);
    }

    private synchronized IssuedTokens exchangeRefresh(OAuthApp app, String token, Instant now, boolean jwt) {
        if (token.isBlank()) {
            throw new ApiException(400, "invalid_request", "invalid_request", "The refresh_token parameter is required");
        }
        Refresh r = refresh.get(token);
        if (r == null || !r.grant.clientId().equals(app.clientId())) {
            throw invalidGrant("The refresh token is invalid");
        }
        if (!now.isBefore(r.expiresAt)) {
            refresh.remove(token);
            throw invalidGrant("The refresh token has expired");
        }
        refresh.remove(token); // rotation: the old refresh token is dead at once
        if (s.accessTokenAfterRefresh() == BlingSandbox.AccessTokenAfterRefresh.REVOKED) {
            access.remove(r.accessToken);
        }
        return mint(r.grant, r.scopes, jwt);
    }

    private IssuedTokens mint(Grant grant, Set<Scope> scopes, boolean jwt) {
        Instant now = s.clock().instant();
        String accessToken = jwt ? jwtLike(grant, now) : hex(20);
        String refreshToken = jwt ? jwtLike(grant, now) : hex(20);
        access.put(accessToken, new Access(grant, scopes, now.plus(s.accessTokenLifetime())));
        refresh.put(refreshToken, new Refresh(grant, scopes, now.plus(s.refreshTokenLifetime()), accessToken));
        journal.record(accessToken);
        journal.record(refreshToken);
        String scope = scopes.stream().map(Scope::id).sorted().collect(Collectors.joining(" "));
        return new IssuedTokens(accessToken, refreshToken, s.accessTokenLifetime(), scope);
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A token shaped like a JWT and as long as Bling's (1,500+ characters); it is not verifiable. */
    private String jwtLike(Grant grant, Instant now) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String header = enc.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        StringBuilder pad = new StringBuilder();
        while (pad.length() < 900) {
            pad.append(hex(16));
        }
        String payload = "{\"iss\":\"bling-sandbox\",\"sub\":\"" + grant.accountId() + "\",\"client_id\":\""
                + grant.clientId() + "\",\"iat\":" + now.getEpochSecond() + ",\"jti\":\"" + hex(16)
                + "\",\"ctx\":\"" + pad + "\"}";
        byte[] sig = new byte[256];
        random.nextBytes(sig);
        return header + "." + enc.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + enc.encodeToString(sig);
    }

    // ---------------------------------------------------------------- authorize (consent)

    ApiResponse authorizePage(Call call) {
        String clientId = call.param("client_id").orElse("");
        OAuthApp app = apps.get(clientId);
        if (app == null) {
            return ApiResponse.html(400, page("Aplicativo não encontrado",
                    "<p>O aplicativo <code>" + esc(clientId) + "</code> não existe ou está inativo.</p>"));
        }
        Optional<String> redirect = call.param("redirect_uri");
        if (redirect.isPresent() && !redirect.get().equals(app.redirectUri().toString())) {
            return ApiResponse.html(400, page("Link de redirecionamento inválido",
                    "<p>O redirect_uri não é o link cadastrado no aplicativo.</p>"));
        }
        String state = call.param("state").orElse("");
        if (state.isBlank()) {
            return ApiResponse.html(400, page("Parâmetro state obrigatório",
                    "<p>Envie um valor aleatório em <code>state</code> e confira-o no retorno.</p>"));
        }
        if (!call.param("response_type").orElse("").equals("code")) {
            return ApiResponse.redirect(withQuery(app.redirectUri().toString(), Map.of("error", "unsupported_response_type",
                    "error_description", "response_type must be code", "state", state)));
        }
        if (s.autoApprove()) {
            return ApiResponse.redirect(withQuery(app.redirectUri().toString(),
                    Map.of("code", newCode(clientId, defaultAccountId), "state", state)));
        }
        StringBuilder options = new StringBuilder();
        for (AccountData a : accounts.values()) {
            options.append("<option value=\"").append(esc(a.id)).append('"')
                    .append(a.id.equals(defaultAccountId) ? " selected" : "").append('>').append(esc(a.name))
                    .append("</option>");
        }
        String body = "<p>O aplicativo <strong>" + esc(clientId) + "</strong> quer acessar sua conta Bling.</p>"
                + "<form method=\"post\" action=\"/Api/v3/oauth/authorize\">"
                + "<input type=\"hidden\" name=\"client_id\" value=\"" + esc(clientId) + "\">"
                + "<input type=\"hidden\" name=\"state\" value=\"" + esc(state) + "\">"
                + "<label>Conta <select name=\"account\">" + options + "</select></label> "
                + "<button name=\"decision\" value=\"approve\">Autorizar</button> "
                + "<button name=\"decision\" value=\"deny\">Negar</button></form>";
        return ApiResponse.html(200, page("Autorizar aplicativo", body));
    }

    ApiResponse authorizeDecision(Call call) {
        Map<String, String> form = form(new String(call.body(), StandardCharsets.UTF_8));
        OAuthApp app = apps.get(form.getOrDefault("client_id", ""));
        String state = form.getOrDefault("state", "");
        if (app == null || state.isBlank()) {
            return ApiResponse.html(400, page("Requisição inválida", "<p>client_id ou state ausente.</p>"));
        }
        if (!"approve".equals(form.get("decision"))) {
            return ApiResponse.redirect(withQuery(app.redirectUri().toString(), Map.of("error", "access_denied",
                    "error_description", "O usuário negou o acesso.", "state", state)));
        }
        String account = form.getOrDefault("account", defaultAccountId);
        if (!accounts.containsKey(account)) {
            return ApiResponse.html(400, page("Conta inválida", "<p>Conta desconhecida.</p>"));
        }
        return ApiResponse.redirect(withQuery(app.redirectUri().toString(),
                Map.of("code", newCode(app.clientId(), account), "state", state)));
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + " - Bling Sandbox</title></head><body><h1>" + esc(title) + "</h1>" + body + "</body></html>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static String withQuery(String base, Map<String, String> params) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String k : List.of("code", "error", "error_description", "state")) {
            if (params.containsKey(k)) {
                ordered.put(k, params.get(k));
            }
        }
        String q = ordered.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return base + (base.contains("?") ? "&" : "?") + q;
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isBlank()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }
}
