package io.cathalog.bling.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of {@code error.fields[]} in Bling's error envelope. */
record FieldError(int code, String msg, String element, String namespace) {
    ObjectNode toJson() {
        ObjectNode node = Json.obj().put("code", code).put("msg", msg);
        if (!element.isEmpty()) {
            node.put("element", element);
        }
        if (!namespace.isEmpty()) {
            node.put("namespace", namespace);
        }
        return node;
    }
}
