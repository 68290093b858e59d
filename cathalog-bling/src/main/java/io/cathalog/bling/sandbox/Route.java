package io.cathalog.bling.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One served route. {@code template} uses the OpenAPI file's own parameter names, so the route
 * key ({@code "GET /produtos/{idProduto}"}) is also the spec's operation key. Path parameters are
 * numeric ids, which is what keeps {@code /produtos/lojas} from matching {@code /produtos/{idProduto}}.
 */
record Route(String method, String template, Optional<Scope> scope, Set<String> queryParams, boolean api,
        Handler handler) {

    @FunctionalInterface
    interface Handler {
        ApiResponse handle(Call call);
    }

    String key() {
        return method + " " + template;
    }

    boolean write() {
        return api && !method.equals("GET");
    }

    List<String> segments() {
        return List.of(template.substring(1).split("/"));
    }

    /** Literal segments count: more literals wins when two templates match one path. */
    int specificity() {
        return (int) segments().stream().filter(s -> !s.startsWith("{")).count();
    }

    /** Path variables when {@code path} matches this template, else empty. */
    Optional<Map<String, String>> match(List<String> pathSegments) {
        List<String> mine = segments();
        if (mine.size() != pathSegments.size()) {
            return Optional.empty();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            String t = mine.get(i);
            String p = pathSegments.get(i);
            if (t.startsWith("{")) {
                if (!p.matches("\\d{1,18}")) {
                    return Optional.empty();
                }
                vars.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return Optional.empty();
            }
        }
        return Optional.of(vars);
    }
}
