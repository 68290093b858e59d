package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One request, routed and authenticated, as handlers see it. */
record Call(String method, String path, Map<String, String> pathVars, Map<String, List<String>> query,
        Map<String, List<String>> headers, byte[] body, Optional<AccountData> account, Instant now,
        Settings settings) {

    AccountData acct() {
        return account.orElseThrow(() -> new IllegalStateException("route needs an account: " + path));
    }

    long pathId(String name) {
        String v = pathVars.get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("O recurso '" + path + "' não foi encontrado.");
        }
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    OptionalLong longParam(String name) {
        Optional<String> v = param(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.get().trim()));
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "deve ser um número inteiro, recebeu '" + v.get() + "'");
        }
    }

    OptionalInt intParam(String name, int min, int max) {
        OptionalLong v = longParam(name);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        if (v.getAsLong() < min || v.getAsLong() > max) {
            throw ApiException.badParameter(name, "deve estar entre " + min + " e " + max + ", recebeu " + v.getAsLong());
        }
        return OptionalInt.of((int) v.getAsLong());
    }

    List<Long> longParams(String name) {
        return params(name).stream().map(s -> {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badParameter(name, "deve conter números inteiros, recebeu '" + s + "'");
            }
        }).toList();
    }

    /** {@code pagina} and {@code limite}, validated; above the maximum is a 400 or a clamp by setting. */
    Page page() {
        int pagina = intParam("pagina", 1, Integer.MAX_VALUE).orElse(1);
        OptionalLong rawLimit = longParam("limite");
        int max = settings.maxPageSize();
        int limite = 100 > max ? max : 100;
        if (rawLimit.isPresent()) {
            long l = rawLimit.getAsLong();
            if (l < 1) {
                throw ApiException.badParameter("limite", "deve ser maior ou igual a 1, recebeu " + l);
            }
            if (l > max) {
                if (settings.pageSizeAboveMax() == BlingSandbox.PageSizeAboveMax.REJECT) {
                    throw ApiException.badParameter("limite", "o máximo é " + max + " registros por página, recebeu " + l);
                }
                l = max;
            }
            limite = (int) l;
        }
        return new Page(pagina, limite);
    }

    /** The body as a JSON object; empty and non-object bodies are Bling's 400s. */
    ObjectNode objectBody() {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.emptyBody();
        }
        JsonNode node = Json.parse(body);
        if (!node.isObject()) {
            throw new ApiException(400, "INVALID_REQUEST_BODY", "Corpo da requisição inválido",
                    "O corpo da requisição deve ser um objeto JSON.");
        }
        if (node.isEmpty()) {
            throw ApiException.emptyBody();
        }
        return (ObjectNode) node;
    }

    record Page(int pagina, int limite) {
        <T> List<T> slice(List<T> all) {
            long from = (long) (pagina - 1) * limite;
            if (from >= all.size()) {
                return List.of();
            }
            return all.subList((int) from, (int) Math.min(all.size(), from + limite));
        }
    }
}
