package io.cathalog.core;

import java.util.List;

/** The ERP refused the request's content (HTTP 400, e.g. {@code VALIDATION_ERROR} with fields). */
public class RemoteValidationException extends RemoteException {
    private static final long serialVersionUID = 1L;

    public RemoteValidationException(String route, int status, String type, String message, String description,
                                     List<FieldError> fields) {
        super(route, status, type, message, description, fields);
    }
}
