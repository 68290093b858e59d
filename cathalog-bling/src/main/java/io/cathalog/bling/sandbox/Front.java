package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP front: IP blocks, routing (404/405), bearer tokens and scopes, per-account limits,
 * faults, the handler under the account's lock, response decoration, the request log.
 */
final class Front implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Front.class.getName());
    static final String PREFIX = "/Api/v3";
    private static final int MAX_BODY = 2 * 1024 * 1024;
    static final String TOKEN_ROUTE = "POST /oauth/token";

    private final Settings s;
    private final List<Route> routes;
    private final Map<String, AccountData> accounts;
    private final OAuthService oauth;
    private final IpGuard ipGuard;
    private final Faults faults;
    private final RequestLog log;

    Front(Settings s, List<Route> routes, Map<String, AccountData> accounts, OAuthService oauth, IpGuard ipGuard,
            Faults faults, RequestLog log) {
        this.s = s;
        this.routes = routes;
        this.accounts = accounts;
        this.oauth = oauth;
        this.ipGuard = ipGuard;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange ex) {
        Instant now = s.clock().instant();
        String method = ex.getRequestMethod();
        String rawPath = ex.getRequestURI().getRawPath();
        String path = rawPath.startsWith(PREFIX + "/") ? rawPath.substring(PREFIX.length()) : rawPath;
        String address = ex.getRemoteAddress().getAddress().getHostAddress();
        String routeKey = RecordedRequest.UNMATCHED;
        Optional<String> accountId = Optional.empty();
        Optional<String> clientId = Optional.empty();
        boolean write = false;
        int status;
        boolean logged = false;
        try {
            byte[] body = readBody(ex);
            Resolution res = resolve(method, rawPath, path);
            Route route = res.route;
            if (route != null) {
                routeKey = route.key();
                write = route.write();
            }
            Optional<Instant> blocked = ipGuard.admit(address, routeKey.equals(TOKEN_ROUTE), now);
            if (blocked.isPresent()) {
                ApiException e = new ApiException(s.ipBlockStatus(), "FORBIDDEN", "IP bloqueado",
                        "O IP " + address + " está bloqueado por excesso de requisições ou erros até "
                                + blocked.get() + ".");
                ApiResponse refused = ApiResponse.error(e);
                logged = log(now, method, path, routeKey, refused.status(), accountId, clientId, write);
                send(ex, refused);
                return;
            }
            ApiResponse response;
            boolean lose = false;
            Optional<Faults.HostileBody> hostile = Optional.empty();
            Map<String, List<String>> query = Map.of();
            try {
                if (res.error != null) {
                    throw res.error;
                }
                Optional<AccountData> account = Optional.empty();
                if (route.api()) {
                    OAuthService.Access access = oauth.authenticate(header(ex, "Authorization"), now);
                    AccountData acct = accounts.get(access.grant.accountId());
                    accountId = Optional.of(acct.id);
                    clientId = Optional.of(access.grant.clientId());
                    account = Optional.of(acct);
                    if (route.scope().isPresent() && !access.scopes.contains(route.scope().get())) {
                        throw new ApiException(403, "insufficient_scope", "insufficient_scope",
                                "The request requires higher privileges than provided by the access token");
                    }
                    if (s.rateLimits()) {
                        Optional<ApiException> limited = acct.limiter.tryAcquire(now);
                        if (limited.isPresent()) {
                            throw limited.get();
                        }
                    }
                }
                query = query(ex.getRequestURI().getRawQuery());
                if (route.api() && s.unknownQueryParameter() == BlingSandbox.UnknownQueryParameter.REJECT) {
                    for (String name : query.keySet()) {
                        if (!route.queryParams().contains(name)) {
                            throw ApiException.badParameter(name, "parâmetro desconhecido para " + route.key()
                                    + "; aceitos: " + route.queryParams());
                        }
                    }
                }
                Faults.Decision decision = faults.decide(routeKey);
                if (!decision.delay().isZero()) {
                    sleep(decision.delay());
                }
                if (decision.failure().isPresent()) {
                    throw decision.failure().get();
                }
                lose = decision.loseResponse();
                hostile = decision.hostile();
                Call call = new Call(method, path, res.vars, query, ex.getRequestHeaders(), body, account, now, s);
                response = account.isPresent()
                        ? account.get().locked(() -> route.handler().handle(call))
                        : route.handler().handle(call);
                response = decorate(response);
            } catch (ApiException e) {
                response = ApiResponse.error(e);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "sandbox handler failed for " + routeKey, e);
                response = ApiResponse.error(new ApiException(500, "SERVER_ERROR", "Erro interno",
                        "Erro interno do sandbox: " + e));
            }
            // Recorded before the answer leaves: a client that reads the log right after its call
            // must find the call there.
            Optional<Raw> raw = hostile.isPresent() ? Optional.of(hostile(hostile.get(), response, query))
                    : Optional.empty();
            status = lose ? 0 : raw.map(Raw::status).orElse(response.status());
            ipGuard.answered(address, status == 0 ? 500 : status, now);
            logged = log(now, method, path, routeKey, status, accountId, clientId, write);
            if (lose) {
                // Closing an exchange before its headers are sent closes the connection: no response at all.
                ex.close();
            } else if (raw.isPresent()) {
                sendRaw(ex, raw.get());
            } else {
                send(ex, response);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away during " + method + " " + path + ": " + e);
            if (!logged) {
                log(now, method, path, routeKey, 0, accountId, clientId, write);
            }
            ex.close();
        }
    }

    private boolean log(Instant at, String method, String path, String route, int status, Optional<String> account,
                        Optional<String> clientId, boolean write) {
        log.add(new RecordedRequest(at, method, path, route, status, account, write, clientId));
        return true;
    }

    private record Resolution(Route route, Map<String, String> vars, ApiException error) {
    }

    private Resolution resolve(String method, String rawPath, String path) {
        if (!rawPath.startsWith(PREFIX + "/")) {
            return new Resolution(null, Map.of(), ApiException.notFound("O recurso '" + rawPath + "' não foi encontrado."));
        }
        List<String> segments = List.of(path.substring(1).split("/", -1));
        Route best = null;
        Map<String, String> bestVars = Map.of();
        List<Route> samePath = new ArrayList<>();
        int bestSpec = -1;
        for (Route r : routes) {
            Optional<Map<String, String>> vars = r.match(segments);
            if (vars.isEmpty()) {
                continue;
            }
            int spec = r.specificity();
            if (spec > bestSpec) {
                bestSpec = spec;
                samePath.clear();
            }
            if (spec == bestSpec) {
                samePath.add(r);
                if (r.method().equals(method)) {
                    best = r;
                    bestVars = vars.get();
                }
            }
        }
        if (samePath.isEmpty()) {
            return new Resolution(null, Map.of(), ApiException.notFound("O recurso '" + path + "' não foi encontrado."));
        }
        if (best == null || best.specificity() != bestSpec) {
            String allowed = samePath.stream().map(Route::method).distinct().sorted(Comparator.naturalOrder()).toList()
                    .toString();
            return new Resolution(null, Map.of(), new ApiException(405, "METHOD_NOT_ALLOWED", "Método não permitido",
                    "O método " + method + " não é permitido para '" + path + "'. Permitidos: " + allowed));
        }
        return new Resolution(best, bestVars, null);
    }

    private ApiResponse decorate(ApiResponse r) {
        if ((!s.unknownResponseProperties() && !s.unknownEnumValues()) || r.json().isEmpty()
                || r.json().get().get("data") == null) {
            return r;
        }
        JsonNode copy = r.json().get().deepCopy();
        chaos(copy.get("data"));
        return new ApiResponse(r.status(), Optional.of(copy), r.html(), r.headers());
    }

    /** Bling adds fields and enum values without notice; clients must ignore them. */
    private void chaos(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                chaos(o.get(n));
            }
            if (s.unknownEnumValues()) {
                if (o.has("tipoProducao")) {
                    o.put("tipoProducao", "X");
                }
                if (o.has("condicao")) {
                    o.put("condicao", 9);
                }
                if (o.has("tipo") && o.has("situacao") && o.get("situacao").isInt()) {
                    o.put("situacao", 9);
                }
            }
            if (s.unknownResponseProperties()) {
                o.put("campoNovoDoBling", "valor que o cliente deve ignorar");
                o.putObject("objetoNovoDoBling").put("id", 1);
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(this::chaos);
        }
    }

    private static int send(HttpExchange ex, ApiResponse r) throws IOException {
        byte[] bytes = r.bodyBytes();
        var headers = ex.getResponseHeaders();
        r.headers().forEach(headers::set);
        if (r.json().isPresent()) {
            headers.set("Content-Type", "application/json; charset=utf-8");
        } else if (r.html().isPresent()) {
            headers.set("Content-Type", "text/html; charset=utf-8");
        }
        if (bytes.length == 0) {
            ex.sendResponseHeaders(r.status(), -1);
        } else {
            ex.sendResponseHeaders(r.status(), bytes.length);
            ex.getResponseBody().write(bytes);
        }
        ex.close();
        return r.status();
    }

    /** An answer as it goes on the wire; {@code length} may claim more bytes than {@code body} has. */
    private record Raw(int status, String contentType, byte[] body, long length, Duration stall) {
        Raw(int status, String contentType, byte[] body, long length) {
            this(status, contentType, body, length, Duration.ZERO);
        }

        static Raw json(int status, JsonNode root) {
            byte[] b = Json.bytes(root);
            return new Raw(status, "application/json; charset=utf-8", b, b.length);
        }

        static Raw html(int status, String page) {
            byte[] b = page.getBytes(StandardCharsets.UTF_8);
            return new Raw(status, "text/html; charset=utf-8", b, b.length);
        }
    }

    /** What {@link Faults.HostileBody} makes of the real answer. */
    private static Raw hostile(Faults.HostileBody kind, ApiResponse real, Map<String, List<String>> query) {
        ObjectNode root = real.json().filter(JsonNode::isObject).map(j -> (ObjectNode) j.deepCopy())
                .orElseGet(() -> Json.data(Json.obj()));
        JsonNode data = root.path("data");
        byte[] bytes = Json.bytes(root);
        String json = "application/json; charset=utf-8";
        return switch (kind) {
            case ID_NOT_A_NUMBER -> {
                data.findParents("id").forEach(o -> ((ObjectNode) o).put("id", "abc"));
                yield Raw.json(real.status(), root);
            }
            case DATA_NOT_A_LIST -> {
                if (data.isArray()) {
                    root.set("data", data.isEmpty() ? Json.obj() : data.get(0));
                }
                yield Raw.json(real.status(), root);
            }
            case NUMBER_FOR_TEXT -> {
                numbersForText(data);
                yield Raw.json(real.status(), root);
            }
            case OVERSIZED_PAGE -> {
                int limit = query.getOrDefault("limite", List.of("100")).stream().findFirst()
                        .filter(v -> v.matches("\\d{1,3}")).map(Integer::parseInt).orElse(100);
                ArrayNode items = Json.arr();
                for (int i = 0; items.size() < 10 * limit; i++) {
                    items.add(data.isArray() && !data.isEmpty() ? data.get(i % data.size()).deepCopy()
                            : Json.idRef(i + 1));
                }
                root.set("data", items);
                yield Raw.json(real.status(), root);
            }
            case HUGE_BODY -> {
                root.put("campoEnorme", "x".repeat(48 * 1024 * 1024));
                yield Raw.json(real.status(), root);
            }
            case HTML_502 -> Raw.html(502, "<html><head><title>502 Bad Gateway</title></head><body>"
                    + "<h1>502 Bad Gateway</h1>" + "<p>upstream connect error</p>\n".repeat(36_000) + "</body></html>");
            case HTML_200 -> Raw.html(200, "<!DOCTYPE html><html><head><title>Bling</title></head>"
                    + "<body><h1>Estamos em manutenção</h1></body></html>");
            case SHORT_BODY -> new Raw(real.status(), json, bytes, 2L * bytes.length);
            case CUT_JSON -> new Raw(real.status(), json, Arrays.copyOf(bytes, bytes.length / 2),
                    bytes.length / 2);
            case EMPTY_200 -> new Raw(200, json, new byte[0], 0);
            case STALLED_BODY -> new Raw(real.status(), json, Arrays.copyOf(bytes, bytes.length / 2), bytes.length,
                    Duration.ofMinutes(1));
        };
    }

    private static void numbersForText(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (o.get(n).isTextual()) {
                    o.put(n, 42);
                } else {
                    numbersForText(o.get(n));
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, Json.F.numberNode(42));
                } else {
                    numbersForText(a.get(i));
                }
            }
        }
    }

    /** Sends {@code r} as is; closing the exchange short of {@code length} bytes closes the connection. */
    private static void sendRaw(HttpExchange ex, Raw r) throws IOException {
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.sendResponseHeaders(r.status(), r.length() == 0 ? -1 : r.length());
        if (r.body().length > 0) {
            ex.getResponseBody().write(r.body());
            ex.getResponseBody().flush();
        }
        if (!r.stall().isZero()) {
            try {
                Thread.sleep(r.stall().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the sandbox is closing
            }
        }
        ex.close();
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("request body larger than " + MAX_BODY + " bytes");
            }
            return bytes;
        }
    }

    private static Optional<String> header(HttpExchange ex, String name) {
        return Optional.ofNullable(ex.getRequestHeaders().getFirst(name));
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
