package io.cathalog.marketplaces.internal;

import io.cathalog.core.marketplace.ResolvedValue;
import io.cathalog.core.marketplace.Violation;
import io.cathalog.core.marketplace.Warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a normalisation found, collected in the order the rules ran (which is stable). */
public final class Findings {
    public final Map<String, ResolvedValue> values = new TreeMap<>();
    public final List<Violation> violations = new ArrayList<>();
    public final List<Warning> warnings = new ArrayList<>();

    public void violation(String attribute, Violation.Code code, String message) {
        violations.add(new Violation(attribute, code, message));
    }

    public void warning(String attribute, Warning.Code code, String message) {
        warnings.add(new Warning(attribute, code, message));
    }

    public void value(ResolvedValue value) {
        values.put(value.attributeId(), value);
    }
}
