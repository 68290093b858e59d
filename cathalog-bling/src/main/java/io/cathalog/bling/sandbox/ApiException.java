package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A request that ends in Bling's error envelope; thrown by handlers, rendered by the front. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String type;
    final String title;
    final String description;
    final transient List<FieldError> fields;
    final transient ObjectNode extra;

    ApiException(int status, String type, String title, String description) {
        this(status, type, title, description, List.of(), Json.obj());
    }

    ApiException(int status, String type, String title, String description, List<FieldError> fields,
            ObjectNode extra) {
        super(type + ": " + description, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.description = description;
        this.fields = List.copyOf(fields);
        this.extra = extra;
    }

    static ApiException validation(String description, List<FieldError> fields) {
        return new ApiException(400, "VALIDATION_ERROR", "Não foi possível salvar o registro", description,
                fields, Json.obj());
    }

    static ApiException validation(String description) {
        return new ApiException(400, "VALIDATION_ERROR", "Requisição inválida", description);
    }

    static ApiException field(String element, String namespace, String msg) {
        return validation("O registro não pode ser salvo, pois ocorreram problemas em sua validação.",
                List.of(new FieldError(codeFor(element), msg, element, namespace)));
    }

    static ApiException missingFields(List<FieldError> fields) {
        return new ApiException(400, "MISSING_REQUIRED_FIELD_ERROR", "Campos obrigatórios não informados",
                "Um ou mais campos obrigatórios não foram informados.", fields, Json.obj());
    }

    static ApiException emptyBody() {
        return new ApiException(400, "MISSING_REQUIRED_FIELD_ERROR", "Nenhum dado foi informado",
                "Nenhum dado foi informado na requisição.");
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "RESOURCE_NOT_FOUND", "Recurso não encontrado", what);
    }

    static ApiException badParameter(String name, String why) {
        return new ApiException(400, "VALIDATION_ERROR", "Parâmetro inválido",
                "O parâmetro '" + name + "' é inválido: " + why,
                List.of(new FieldError(codeFor(name), why, name, "")), Json.obj());
    }

    /** Stable, small numeric codes per element, so clients can see a code without us inventing meaning. */
    static int codeFor(String element) {
        return Math.floorMod(element.hashCode(), 900) + 100;
    }

    ObjectNode envelope() {
        ObjectNode error = Json.obj().put("type", type).put("message", title).put("description", description);
        if (!fields.isEmpty()) {
            var array = error.putArray("fields");
            fields.forEach(f -> array.add(f.toJson()));
        }
        error.setAll(extra);
        ObjectNode root = Json.obj();
        root.set("error", error);
        return root;
    }
}
