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

    /** The HTTP status. */
    private final int status;
    /** The ERP's error type. */
    private final String type;
    /** The ERP's error message. */
    private final String remoteMessage;
    /** The ERP's longer description. */
    private final String description;
    private final transient List<FieldError> fields;
    /** The request, as method and route template. */
    private final String route;

    /**
     * @param route         the request, as method and route template, e.g. {@code POST /produtos}
     * @param status        the HTTP status
     * @param type          the ERP's error type, e.g. {@code VALIDATION_ERROR}
     * @param remoteMessage the ERP's error message; empty when it gave none
     * @param description   the ERP's longer description; empty when it gave none
     * @param fields        the ERP's field-level errors; empty when it gave none
     */
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

    /**
     * One field-level error of the ERP ({@code code}, {@code msg}, {@code element}...).
     *
     * @param code       the ERP's numeric code for the error
     * @param message    the ERP's text for the error
     * @param element    the field the error is about, when the ERP named it
     * @param namespace  the ERP's namespace of the field, when it gave one
     * @param collection the errors of the items of a list field, nested as the ERP sent them
     * @param index      the position of the item in its list, when the error is about one item
     */
    public record FieldError(long code, String message, Optional<String> element, Optional<String> namespace,
                             List<FieldError> collection, Optional<Integer> index) {
        /**
         * @param code       the ERP's numeric code for the error
         * @param message    the ERP's text for the error
         * @param element    the field the error is about, when the ERP named it
         * @param namespace  the ERP's namespace of the field, when it gave one
         * @param collection the errors of the items of a list field, nested as the ERP sent them
         * @param index      the position of the item in its list, when the error is about one item
         * @throws NullPointerException if a component is null
         */
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

    /**
     * The request that failed.
     *
     * @return method and route template, e.g. {@code POST /produtos}
     */
    public String route() {
        return route;
    }

    /**
     * The HTTP status the ERP answered.
     *
     * @return the status, e.g. 400
     */
    public int status() {
        return status;
    }

    /**
     * The ERP's error type.
     *
     * @return the type, e.g. {@code VALIDATION_ERROR}; kept as an open string
     */
    public String type() {
        return type;
    }

    /**
     * The ERP's error message, as it came.
     *
     * @return the message; empty when the ERP gave none
     */
    public String remoteMessage() {
        return remoteMessage;
    }

    /**
     * The ERP's longer description of the error, as it came.
     *
     * @return the description; empty when the ERP gave none
     */
    public String description() {
        return description;
    }

    /**
     * The ERP's field-level errors.
     *
     * @return the errors in the ERP's order; empty when it gave none
     */
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
