package io.cathalog.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ERP answered a request with an error. Keeps the ERP's own error as it came (Bling's
 * {@code type}, {@code message}, {@code description} and {@code fields}), so a caller or a person
 * can see exactly what the ERP said. Leaves say what kind of error it was.
 */
public class RemoteException extends CathalogException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String remoteMessage;
    private final String description;
    private final transient List<FieldError> fields;
    private final String route;

    public RemoteException(String route, int status, String type, String remoteMessage, String description,
                           List<FieldError> fields) {
        super(describe(route, status, type, remoteMessage, description, fields));
        this.route = Objects.requireNonNull(route, "route");
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.remoteMessage = Objects.requireNonNull(remoteMessage, "remoteMessage");
        this.description = Objects.requireNonNull(description, "description");
        this.fields = List.copyOf(fields);
    }

    /** One field-level error of the ERP ({@code code}, {@code msg}, {@code element}...). */
    public record FieldError(long code, String message, Optional<String> element, Optional<String> namespace,
                             List<FieldError> collection, Optional<Integer> index) {
        public FieldError {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(namespace, "namespace");
            collection = List.copyOf(collection);
            Objects.requireNonNull(index, "index");
        }

        @Override
        public String toString() {
            return element.map(e -> e + ": ").orElse("") + message + " (code " + code + ")"
                    + (collection.isEmpty() ? "" : " " + collection);
        }
    }

    /** The request, as method and route template, e.g. {@code POST /produtos}. */
    public String route() {
        return route;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The ERP's error type, e.g. {@code VALIDATION_ERROR}; kept as an open string. */
    public String type() {
        return type;
    }

    public String remoteMessage() {
        return remoteMessage;
    }

    public String description() {
        return description;
    }

    public List<FieldError> fields() {
        return fields;
    }

    private static String describe(String route, int status, String type, String message, String description,
                                   List<FieldError> fields) {
        StringBuilder s = new StringBuilder(route).append(" failed with ").append(status).append(' ').append(type);
        if (!message.isEmpty()) {
            s.append(": ").append(message);
        }
        if (!description.isEmpty() && !description.equals(message)) {
            s.append(" (").append(description).append(')');
        }
        if (!fields.isEmpty()) {
            s.append(" ").append(fields);
        }
        return s.toString();
    }
}
