package io.cathalog.core.marketplace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsNamedDocumentsFromADirectory() throws Exception {
        Files.createDirectories(dir.resolve("categories/MLB1"));
        Files.writeString(dir.resolve("categories/MLB1/attributes.json"), "[]");
        DocumentSource source = DocumentSource.directory(dir);
        assertThat(source.read("categories/MLB1/attributes")).contains("[]");
        assertThat(source.read("categories/MLB2/attributes")).isEmpty();
    }

    @Test
    void refusesNamesThatLeaveTheRoot() {
        DocumentSource source = DocumentSource.directory(dir);
        assertThatThrownBy(() -> source.read("../secret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.read("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.read("a/../../b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheClassPathAndAHostFetcherAndFallsBack() throws Exception {
        Files.createDirectories(dir.resolve("marketplace-docs"));
        Files.writeString(dir.resolve("marketplace-docs/hello.json"), "{\"message\": \"hello\"}");
        java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null);
        DocumentSource classpath = DocumentSource.classpath(loader, "marketplace-docs");
        assertThat(classpath.read("hello")).hasValueSatisfying(t -> assertThat(t).contains("\"hello\""));
        Map<String, String> remote = Map.of("get_category", "{\"response\":{}}");
        DocumentSource fetcher = DocumentSource.fetcher(name -> Optional.ofNullable(remote.get(name)));
        assertThat(fetcher.read("get_category")).contains("{\"response\":{}}");
        assertThat(fetcher.orElse(classpath).read("hello")).isPresent();
        assertThat(fetcher.orElse(classpath).read("missing")).isEmpty();
    }
}
