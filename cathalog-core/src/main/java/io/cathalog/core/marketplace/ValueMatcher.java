package io.cathalog.core.marketplace;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Matches list values without regard to case and accents ("Não" = "nao"), and through
 * configurable synonyms ("Preto" = "Black"). Immutable and thread-safe.
 */
public final class ValueMatcher {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final ValueMatcher STANDARD = new ValueMatcher(Map.of(), List.of());

    /** Folded term -> index of its synonym group. */
    private final Map<String, Integer> groupOf;
    private final List<Set<String>> groups;

    private ValueMatcher(Map<String, Integer> groupOf, List<Set<String>> groups) {
        this.groupOf = Map.copyOf(groupOf);
        this.groups = List.copyOf(groups);
    }

    /**
     * Case and accents ignored, no synonyms.
     *
     * @return the shared standard matcher
     */
    public static ValueMatcher standard() {
        return STANDARD;
    }

    /**
     * A builder of a matcher with synonyms.
     *
     * @return a new builder, without synonyms yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The form texts are compared in.
     *
     * @param text any text
     * @return the text in lower case, accents removed, runs of white space collapsed to one space, trimmed
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(Objects.requireNonNull(text, "text"), Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * Whether two texts name the same value.
     *
     * @param a a value as written
     * @param b another value as written
     * @return true when they fold to the same text or are synonyms
     */
    public boolean matches(String a, String b) {
        String fa = fold(a);
        String fb = fold(b);
        if (fa.equals(fb)) {
            return true;
        }
        Integer ga = groupOf.get(fa);
        return ga != null && ga.equals(groupOf.get(fb));
    }

    /**
     * The first option whose name equals {@code given} ignoring case and accents; failing that,
     * the first that is a synonym of it. Options are searched in their order, so the answer is
     * stable.
     *
     * @param <T>     the options' type, e.g. {@link AllowedValue}
     * @param given   the value as the catalog gives it
     * @param options the marketplace's options, in its order
     * @param name    an option's name
     * @return the option found; empty when none matches
     */
    public <T> Optional<T> find(String given, List<T> options, Function<T, String> name) {
        String folded = fold(given);
        for (T option : options) {
            if (fold(name.apply(option)).equals(folded)) {
                return Optional.of(option);
            }
        }
        Integer group = groupOf.get(folded);
        if (group == null) {
            return Optional.empty();
        }
        for (T option : options) {
            if (group.equals(groupOf.get(fold(name.apply(option))))) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /**
     * The synonym groups, for people.
     *
     * @return each group's terms, folded
     */
    public List<Set<String>> synonymGroups() {
        return groups;
    }

    /** Collects synonym groups; a term in two groups joins them. */
    public static final class Builder {
        private final List<Set<String>> groups = new ArrayList<>();

        private Builder() {
        }

        /**
         * Declares terms that name the same value, e.g. {@code synonyms("Preto", "Black", "Negro")}.
         *
         * @param terms two or more different terms; a group sharing a term with an earlier one merges into it
         * @return this builder
         * @throws IllegalArgumentException if a term is blank, or fewer than two terms differ
         */
        public Builder synonyms(String... terms) {
            return synonyms(List.of(terms));
        }

        /**
         * Declares terms that name the same value.
         *
         * @param terms two or more different terms; a group sharing a term with an earlier one merges into it
         * @return this builder
         * @throws IllegalArgumentException if a term is blank, or fewer than two terms differ
         */
        public Builder synonyms(List<String> terms) {
            Set<String> group = new LinkedHashSet<>();
            for (String term : terms) {
                String folded = fold(term);
                if (folded.isEmpty()) {
                    throw new IllegalArgumentException("a synonym must not be blank");
                }
                group.add(folded);
            }
            if (group.size() < 2) {
                throw new IllegalArgumentException("a synonym group needs at least two different terms: " + terms);
            }
            // Merge with every existing group that shares a term.
            List<Set<String>> kept = new ArrayList<>();
            for (Set<String> existing : groups) {
                if (Collections.disjoint(existing, group)) {
                    kept.add(existing);
                } else {
                    group.addAll(existing);
                }
            }
            kept.add(group);
            groups.clear();
            groups.addAll(kept);
            return this;
        }

        /**
         * The matcher.
         *
         * @return a matcher with the synonyms declared
         */
        public ValueMatcher build() {
            Map<String, Integer> groupOf = new HashMap<>();
            List<Set<String>> frozen = new ArrayList<>();
            for (Set<String> group : groups) {
                int index = frozen.size();
                frozen.add(Collections.unmodifiableSet(new LinkedHashSet<>(group)));
                group.forEach(term -> groupOf.put(term, index));
            }
            return new ValueMatcher(groupOf, frozen);
        }
    }
}
