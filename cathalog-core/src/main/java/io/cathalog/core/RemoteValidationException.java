package io.cathalog.core;

import java.util.List;

/** The ERP refused the request's content (HTTP 400, e.g. {@code VALIDATION_ERROR} with fields). */
public class RemoteValidationException extends RemoteException {
    private static final long serialVersionUID = 1L;

    /**
     * @param route       the refused request, as method and route template
     * @param status      the HTTP status, usually 400
     * @param type        the ERP's error type, e.g. {@code VALIDATION_ERROR}
     * @param message     the ERP's error message; empty when it gave none
     * @param description the ERP's longer description; empty when it gave none
     * @param fields      the ERP's field-level errors; empty when it gave none
     */
    public RemoteValidationException(String route, int status, String type, String message, String description,
                                     List<FieldError> fields) {
        super(route, status, type, message, description, fields);
    }
}
