package io.cathalog.core.model;

import io.cathalog.core.Problem;
import io.cathalog.core.ValidationException;
import io.cathalog.core.internal.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The category tree of the source of truth: unique keys, every parent declared, no cycles, no
 * two siblings with the same name (ignoring case and accents, as people read them), at most
 * {@link #MAX_DEPTH} levels.
 */
public final class CategoryTree {

    /** Deepest level accepted; a root is at depth 1. */
    public static final int MAX_DEPTH = 10;

    private static final String SEPARATOR = " > ";

    private final List<Category> categories;
    private final Map<String, Category> byKey;
    private final Map<String, List<Category>> children;
    private final List<Category> roots;

    private CategoryTree(List<Category> categories) {
        this.categories = List.copyOf(categories);
        Map<String, Category> keys = new LinkedHashMap<>();
        Map<String, List<Category>> kids = new HashMap<>();
        List<Category> top = new ArrayList<>();
        for (Category c : this.categories) {
            keys.put(c.key(), c);
            if (c.parentKey().isPresent()) {
                kids.computeIfAbsent(c.parentKey().get(), k -> new ArrayList<>()).add(c);
            } else {
                top.add(c);
            }
        }
        this.byKey = Collections.unmodifiableMap(keys);
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Map.copyOf(kids);
        this.roots = List.copyOf(top);
    }

    /**
     * Builds a tree.
     *
     * @param categories the categories, parents in any order
     * @return the tree
     * @throws ValidationException listing every problem found (see {@link #problems(List)})
     */
    public static CategoryTree of(List<Category> categories) {
        List<Problem> problems = problems(categories);
        if (!problems.isEmpty()) {
            throw new ValidationException("invalid category tree", problems);
        }
        return new CategoryTree(categories);
    }

    /**
     * A tree without categories.
     *
     * @return the empty tree
     */
    public static CategoryTree empty() {
        return new CategoryTree(List.of());
    }

    /**
     * Every problem of these categories as a tree, with pointers {@code /i/field} into the list
     * (so {@code /categories} prefixed gives the catalog file's pointers).
     *
     * @param categories the categories to check
     * @return duplicate keys, unknown parents, cycles, sibling names alike, too-deep levels; empty
     *         when they make a valid tree
     */
    public static List<Problem> problems(List<Category> categories) {
        Objects.requireNonNull(categories, "categories");
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            Category c = Objects.requireNonNull(categories.get(i), "category " + i);
            Integer earlier = firstIndex.putIfAbsent(c.key(), i);
            if (earlier != null) {
                problems.add(Problem.at("/" + i + "/key",
                        "duplicate category key '" + c.key() + "': an earlier category has it"));
            }
        }
        Map<String, Category> byKey = new HashMap<>();
        for (Category c : categories) {
            byKey.putIfAbsent(c.key(), c);
        }
        Map<String, Integer> siblingNames = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            if (c.parentKey().isPresent() && !byKey.containsKey(c.parentKey().get())) {
                problems.add(Problem.at("/" + i + "/parent",
                        "unknown parent '" + c.parentKey().get() + "' of category '" + c.key() + "'"));
            }
            String sibling = c.parentKey().orElse("") + "\u0000" + Text.fold(c.name());
            Integer earlier = siblingNames.putIfAbsent(sibling, i);
            if (earlier != null) {
                problems.add(Problem.at("/" + i + "/name", "category name '" + c.name() + "' clashes with '"
                        + categories.get(earlier).name() + "' under the same "
                        + c.parentKey().map(p -> "parent '" + p + "'").orElse("root")));
            }
        }
        // Walk up from every category: a walk that revisits a key is a cycle, one that goes on
        // past MAX_DEPTH is too deep. Each cycle is reported once, at its first member. A walk
        // stops at a category an earlier walk resolved, so hostile trees take linear time.
        Map<String, Integer> resolved = new HashMap<>(); // key -> depth, or -1: in or above a cycle
        java.util.TreeMap<Integer, Problem> found = new java.util.TreeMap<>();
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            List<Category> chain = new ArrayList<>();
            Map<String, Integer> onChain = new HashMap<>();
            Category at = c;
            boolean looped = false;
            while (at != null && (at == c || !resolved.containsKey(at.key()))) {
                if (onChain.putIfAbsent(at.key(), chain.size()) != null) {
                    looped = true;
                    break;
                }
                chain.add(at);
                at = at.parentKey().map(byKey::get).orElse(null);
            }
            int above;
            if (looped) {
                above = -1;
                List<Category> loop = chain.subList(onChain.get(at.key()), chain.size());
                int first = loop.stream().mapToInt(l -> firstIndex.get(l.key())).min().orElseThrow();
                if (loop.stream().anyMatch(l -> l == categories.get(first))) {
                    found.putIfAbsent(first, Problem.at("/" + first + "/parent", "categories form a cycle: "
                            + cycle(loop, categories.get(first).key())));
                }
            } else {
                above = at == null ? 0 : resolved.get(at.key());
            }
            for (int k = chain.size() - 1; k >= 0; k--) {
                int depth = above < 0 ? -1 : above + chain.size() - k;
                Category member = chain.get(k);
                if (member == byKey.get(member.key())) {
                    resolved.put(member.key(), depth);
                }
                if (k == 0 && depth > MAX_DEPTH) {
                    found.put(i, Problem.at("/" + i + "/parent", "category '" + c.key() + "' is at depth "
                            + depth + "; at most " + MAX_DEPTH + " levels are allowed"));
                }
            }
        }
        problems.addAll(found.values());
        return problems;
    }

    /** A cycle from {@code start}, back to it; a long one names its first and last few members only. */
    private static String cycle(List<Category> loop, String start) {
        List<String> keys = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < loop.size(); k++) {
            if (loop.get(k).key().equals(start)) {
                from = k;
            }
        }
        for (int k = 0; k < loop.size(); k++) {
            keys.add(loop.get((from + k) % loop.size()).key());
        }
        if (keys.size() > 10) {
            keys = List.of(String.join(" -> ", keys.subList(0, 5)), "... (" + keys.size() + " categories)",
                    String.join(" -> ", keys.subList(keys.size() - 3, keys.size())));
        }
        return String.join(" -> ", keys) + " -> " + start;
    }

    /**
     * All categories.
     *
     * @return the categories, in declaration order
     */
    public List<Category> categories() {
        return categories;
    }

    /**
     * How many categories the tree has.
     *
     * @return the count of categories
     */
    public int size() {
        return categories.size();
    }

    /**
     * The category with a key.
     *
     * @param key a category key
     * @return the category; empty when the tree has no such key
     */
    public Optional<Category> byKey(String key) {
        return Optional.ofNullable(byKey.get(Objects.requireNonNull(key, "key")));
    }

    /**
     * Whether the tree has a category with a key.
     *
     * @param key a category key
     * @return true when the key is declared
     */
    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    /**
     * The top-level categories.
     *
     * @return the roots, in declaration order
     */
    public List<Category> roots() {
        return roots;
    }

    /**
     * The categories directly below one.
     *
     * @param key a category key
     * @return its children in declaration order; empty for a leaf or an unknown key
     */
    public List<Category> children(String key) {
        return children.getOrDefault(key, List.of());
    }

    /**
     * Whether a category has no children; products usually go into leaves.
     *
     * @param key a category key
     * @return true when nothing is below it (also for an unknown key)
     */
    public boolean isLeaf(String key) {
        return children(key).isEmpty();
    }

    /**
     * The category directly above one.
     *
     * @param key a category key
     * @return its parent; empty for a root or an unknown key
     */
    public Optional<Category> parent(String key) {
        return byKey(key).flatMap(Category::parentKey).map(byKey::get);
    }

    /**
     * The categories from the root down to {@code key}.
     *
     * @param key a category key
     * @return the path, the root first and the category last; empty if the key is unknown
     */
    public List<Category> path(String key) {
        List<Category> path = new ArrayList<>();
        Category at = byKey.get(key);
        while (at != null) {
            path.add(at);
            at = at.parentKey().map(byKey::get).orElse(null);
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    /**
     * The category's path as people read it.
     *
     * @param key a category key
     * @return the names from the root down, joined with " > ", e.g. {@code Eletrônicos > Fones};
     *         empty for an unknown key
     */
    public String pathName(String key) {
        return path(key).stream().map(Category::name).collect(Collectors.joining(SEPARATOR));
    }

    /**
     * How deep a category sits.
     *
     * @param key a category key
     * @return 1 for a root, 2 for its children, ...; 0 for an unknown key
     */
    public int depth(String key) {
        return path(key).size();
    }

    /**
     * The category at this path of names, from the root down, ignoring case and accents; the
     * names may also be given as one string joined with {@code >}.
     *
     * @param names the names, the root's first
     * @return the category at the end of the path; empty when a name is not found at its level
     */
    public Optional<Category> byPath(List<String> names) {
        List<Category> level = roots;
        Category found = null;
        for (String name : names) {
            String folded = Text.fold(name);
            found = level.stream().filter(c -> Text.fold(c.name()).equals(folded)).findFirst().orElse(null);
            if (found == null) {
                return Optional.empty();
            }
            level = children(found.key());
        }
        return Optional.ofNullable(found);
    }

    /**
     * The category at a path written as one string, ignoring case and accents.
     *
     * @param path the names from the root down, joined with {@code >}, e.g. {@code Eletrônicos > Fones}
     * @return the category; empty when the path is blank or a name is not found at its level
     */
    public Optional<Category> byPath(String path) {
        List<String> names = new ArrayList<>();
        for (String part : path.split(">")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return names.isEmpty() ? Optional.empty() : byPath(names);
    }

    /**
     * The order in which categories can be created.
     *
     * @return parents before children (breadth-first from the roots), siblings in declaration order
     */
    public List<Category> parentFirst() {
        List<Category> out = new ArrayList<>(categories.size());
        out.addAll(roots);
        for (int i = 0; i < out.size(); i++) {
            out.addAll(children(out.get(i).key()));
        }
        return List.copyOf(out);
    }

    /**
     * The order in which categories can be deleted.
     *
     * @return children before parents: {@link #parentFirst()} reversed
     */
    public List<Category> childFirst() {
        List<Category> out = new ArrayList<>(parentFirst());
        Collections.reverse(out);
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryTree other && categories.equals(other.categories);
    }

    @Override
    public int hashCode() {
        return categories.hashCode();
    }

    @Override
    public String toString() {
        return "CategoryTree[" + categories.size() + " categories]";
    }
}
