package io.cathalog.core.marketplace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a plugin's {@link RequirementsProvider} reads the marketplace's own JSON documents. A
 * document is named by the marketplace API path that returns it, without host or query
 * ({@code categories/MLB1055/attributes}, {@code get_attribute_tree/100416}); each plugin documents
 * the names it reads. A directory or the class path holds them as {@code <name>.json}; a host's
 * fetcher may call the marketplace instead.
 */
@FunctionalInterface
public interface DocumentSource {

    /** Names are relative paths of letters, digits, {@code _ - .} segments; never {@code ..}. */
    Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");

    /**
     * The document's JSON text, or empty when the source does not have it.
     *
     * @param name the document's name, without {@code .json}, e.g. a category id
     * @return the JSON text; empty when the source does not have the document
     * @throws UncheckedIOException when the source failed (not merely lacks the document)
     */
    Optional<String> read(String name);

    /**
     * {@link #read} for a category's requirements: any failure of the source becomes a
     * {@link RequirementsUnavailableException} naming the category and the document, so a plugin
     * reports it instead of failing on it.
     *
     * @param categoryId the marketplace category whose requirements are being read
     * @param name       the document's name, without {@code .json}
     * @return the JSON text; empty when the source does not have the document
     * @throws RequirementsUnavailableException if the source failed
     */
    default Optional<String> readFor(String categoryId, String name) {
        try {
            return read(name);
        } catch (java.io.UncheckedIOException e) {
            throw new RequirementsUnavailableException(categoryId, "cannot read " + name + ": " + e.getMessage(), e);
        } catch (RequirementsUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RequirementsUnavailableException(categoryId, "the document source failed on " + name + ": " + e, e);
        }
    }

    /**
     * Documents as {@code <root>/<name>.json} files.
     *
     * @param root the directory of the documents
     * @return the source; a missing file is an absent document
     */
    static DocumentSource directory(Path root) {
        Objects.requireNonNull(root, "root");
        return name -> {
            Path file = root.resolve(checkName(name) + ".json");
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException absent) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        };
    }

    /**
     * Documents as class-path resources {@code <root>/<name>.json} of {@code loader}. A plugin in a
     * named module reads its own resources with {@link #resources(Function, String)} instead, since a
     * module's resources are visible to its own code only.
     *
     * @param loader the class loader to read with
     * @param root   the resource folder, e.g. {@code io/acme/ml/categories}
     * @return the source; a missing resource is an absent document
     */
    static DocumentSource classpath(ClassLoader loader, String root) {
        Objects.requireNonNull(loader, "loader");
        String prefix = root.isEmpty() || root.endsWith("/") ? root : root + "/";
        return resources(resource -> loader.getResourceAsStream(resource.substring(1)), prefix);
    }

    /**
     * Documents opened by {@code opener} from an absolute resource name ({@code /io/.../name.json}),
     * e.g. {@code r -> MyPlugin.class.getResourceAsStream(r)}, so the plugin's own module opens them.
     *
     * @param opener opens an absolute resource name; null when there is no such resource
     * @param root   the resource folder, e.g. {@code /io/acme/ml/categories}
     * @return the source; a missing resource is an absent document
     */
    static DocumentSource resources(Function<String, InputStream> opener, String root) {
        Objects.requireNonNull(opener, "opener");
        String prefix = (root.startsWith("/") ? "" : "/") + (root.isEmpty() || root.endsWith("/") ? root : root + "/");
        return name -> {
            String resource = prefix + checkName(name) + ".json";
            try (InputStream in = opener.apply(resource)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + resource, e);
            }
        };
    }

    /**
     * Documents from the host's own fetcher (an HTTP call to the marketplace, a database, ...).
     *
     * @param fetch gives a document's JSON text by name, or empty; never null
     * @return the source
     */
    static DocumentSource fetcher(Function<String, Optional<String>> fetch) {
        Objects.requireNonNull(fetch, "fetch");
        return name -> Objects.requireNonNull(fetch.apply(checkName(name)), "the fetcher returned null for " + name);
    }

    /**
     * This source, and {@code fallback} for the documents this one lacks.
     *
     * @param fallback the source asked when this one has no such document
     * @return the combined source
     */
    default DocumentSource orElse(DocumentSource fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return name -> {
            Optional<String> found = read(name);
            return found.isPresent() ? found : fallback.read(name);
        };
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("invalid document name '" + name + "'");
        }
        return name;
    }
}
