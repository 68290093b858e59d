package io.cathalog.core.marketplace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketplaceRegistryTest {

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void aBrokenProviderIsReportedAndTheOthersStillLoad() throws IOException {
        try (URLClassLoader loader = jar("broken.jar", "com.example.DoesNotExist",
                TestPlugins.Throwing.class.getName(), TestPlugins.Working.class.getName(),
                TestPlugins.Other.class.getName())) {
            MarketplaceRegistry registry = MarketplaceRegistry.builder().classLoader(loader).logger(log).build();

            assertThat(registry.mappers()).extracting(MarketplaceMapper::id).containsExactly("other", "working");
            assertThat(registry.problems()).extracting(PluginReport::kind)
                    .containsExactly(PluginReport.Kind.BROKEN, PluginReport.Kind.BROKEN);
            assertThat(registry.problems().get(0).provider()).isEqualTo("com.example.DoesNotExist");
            assertThat(registry.problems().get(1).message()).contains("cannot start: no configuration");
            assertThat(log.warnings()).hasSize(2);
            assertThat(log.warnings().get(0)).contains("com.example.DoesNotExist", "BROKEN");
        }
    }

    @Test
    void aPluginForAnotherMajorSpiVersionIsNotLoadedANewerMinorIsLoadedWithAWarning() throws IOException {
        try (URLClassLoader loader = jar("versions.jar", TestPlugins.OldSpi.class.getName(),
                TestPlugins.NewerMinor.class.getName(), TestPlugins.Working.class.getName())) {
            MarketplaceRegistry registry = MarketplaceRegistry.builder().classLoader(loader).logger(log).build();

            assertThat(registry.find("old")).isEmpty();
            assertThat(registry.find("newer")).isPresent();
            assertThat(registry.problems()).extracting(PluginReport::kind)
                    .containsExactly(PluginReport.Kind.INCOMPATIBLE_SPI, PluginReport.Kind.NEWER_SPI);
            assertThat(registry.problems().get(0).message()).contains("0.9", MarketplaceMapper.SPI_VERSION);
            assertThat(log.warnings()).hasSize(2);
        }
    }

    @Test
    void theHighestPriorityWinsAndTheLoserIsReportedAsShadowed() throws IOException {
        try (URLClassLoader loader = jar("priority.jar", TestPlugins.Working.class.getName(),
                TestPlugins.Preferred.class.getName())) {
            MarketplaceRegistry registry = MarketplaceRegistry.builder().classLoader(loader).logger(log).build();

            assertThat(registry.require("working")).isInstanceOf(TestPlugins.Preferred.class);
            assertThat(registry.problems()).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(PluginReport.Kind.SHADOWED);
                assertThat(r.provider()).isEqualTo(TestPlugins.Working.class.getName());
            });
        }
    }

    @Test
    void aHostInstanceOverridesDiscoveredPluginsOfItsId() throws IOException {
        TestPlugins.Working mine = new TestPlugins.Working();
        try (URLClassLoader loader = jar("override.jar", TestPlugins.Preferred.class.getName(),
                TestPlugins.Other.class.getName())) {
            MarketplaceRegistry registry = MarketplaceRegistry.builder().classLoader(loader).logger(log)
                    .override(mine).build();

            assertThat(registry.require("working")).isSameAs(mine);
            assertThat(registry.find("other")).isPresent();
            assertThat(registry.reports()).extracting(PluginReport::kind).contains(PluginReport.Kind.OVERRIDDEN,
                    PluginReport.Kind.HOST_SUPPLIED);
        }
    }

    @Test
    void anInvalidIdIsBrokenAndAMissingIdIsAClearError() throws IOException {
        try (URLClassLoader loader = jar("badid.jar", TestPlugins.BadId.class.getName())) {
            MarketplaceRegistry registry = MarketplaceRegistry.builder().classLoader(loader).logger(log).build();
            assertThat(registry.mappers()).isEmpty();
            assertThat(registry.problems()).singleElement().extracting(PluginReport::kind)
                    .isEqualTo(PluginReport.Kind.BROKEN);
            assertThatThrownBy(() -> registry.require("nope")).hasMessageContaining("no marketplace plugin for 'nope'");
        }
    }

    @Test
    void withoutDiscoveryOnlyHostInstancesAreUsed() {
        MarketplaceRegistry registry = MarketplaceRegistry.builder().withoutDiscovery()
                .override(new TestPlugins.Other()).logger(log).build();
        assertThat(registry.mappers()).extracting(MarketplaceMapper::id).containsExactly("other");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void spiVersionsCompareByMajorThenMinor() {
        assertThat(MarketplaceRegistry.compatibility("1.0")).isEqualTo(MarketplaceRegistry.Compatibility.COMPATIBLE);
        assertThat(MarketplaceRegistry.compatibility("1")).isEqualTo(MarketplaceRegistry.Compatibility.COMPATIBLE);
        assertThat(MarketplaceRegistry.compatibility("1.3")).isEqualTo(MarketplaceRegistry.Compatibility.NEWER_MINOR);
        assertThat(MarketplaceRegistry.compatibility("2.0")).isEqualTo(MarketplaceRegistry.Compatibility.INCOMPATIBLE);
        assertThat(MarketplaceRegistry.compatibility("one")).isEqualTo(MarketplaceRegistry.Compatibility.INCOMPATIBLE);
        assertThat(MarketplaceRegistry.compatibility(null)).isEqualTo(MarketplaceRegistry.Compatibility.INCOMPATIBLE);
    }

    /** A jar whose only content is a services file listing {@code providers}; the classes come from the parent. */
    private URLClassLoader jar(String name, String... providers) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/services/" + MarketplaceMapper.class.getName()));
            j.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
    }

    static final class RecordingLogger implements System.Logger {
        final List<String> lines = new ArrayList<>();

        List<String> warnings() {
            return lines.stream().filter(l -> l.startsWith("WARNING ")).toList();
        }

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + java.text.MessageFormat.format(format, params));
        }
    }
}
