package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 17: the conformance test finds Bling's OpenAPI file where it is told to, fails
 * when told a path that does not hold it, and looks around (and may skip) only when told nothing.
 */
class OpenApiSpecLocationTest {
    @TempDir
    Path dir;

    @Test
    void aGivenPathThatDoesNotExistIsAnErrorNotASkip() {
        String missing = dir.resolve("shared/bling/openapi-v3.json").toString();
        assertThatThrownBy(() -> OpenApiConformanceTest.locate(missing, null, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dcathalog.openapi").hasMessageContaining(missing)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> OpenApiConformanceTest.locate(null, missing, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CATHALOG_OPENAPI").hasMessageContaining(missing);
    }

    @Test
    void aGivenPathIsUsedAndTheSystemPropertyWinsOverTheVariable() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.json"), "{}");
        assertThat(OpenApiConformanceTest.locate(spec.toString(), dir.resolve("nope.json").toString(), dir))
                .contains(spec.toAbsolutePath());
        assertThat(OpenApiConformanceTest.locate(" ", spec.toString(), dir)).contains(spec.toAbsolutePath());
    }

    @Test
    void withNoPathGivenTheNearestParentsSharedDirectoryIsUsed() throws Exception {
        Path deep = Files.createDirectories(dir.resolve("repo/cathalog-bling"));
        Path spec = Files.createDirectories(dir.resolve("shared/bling")).resolve("openapi-v3.json");
        Files.writeString(spec, "{}");
        assertThat(OpenApiConformanceTest.locate(null, null, deep)).contains(spec);
        assertThat(OpenApiConformanceTest.locate(null, "", deep)).contains(spec);
    }
}
