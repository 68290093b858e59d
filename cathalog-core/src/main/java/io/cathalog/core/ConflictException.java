package io.cathalog.core;

import java.util.List;

/**
 * The ERP was edited by hand where the source of truth also has a value, and the drift policy says
 * a person decides. {@link #conflicts()} lists them as "entity key field".
 */
public class ConflictException extends CathalogException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> conflicts;

    /**
     * @param conflicts the drifted values, each as "entity key field"
     */
    public ConflictException(List<String> conflicts) {
        super("values were edited in the ERP since the last sync and the drift policy is FAIL: " + conflicts);
        this.conflicts = List.copyOf(conflicts);
    }

    /**
     * The values a person must decide on.
     *
     * @return each drifted value as "entity key field", in the order found
     */
    public List<String> conflicts() {
        return conflicts;
    }
}
