package io.cathalog.core;

import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The module name and its exports are part of the public API: pin them. */
class ModuleDescriptorTest {

    @Test
    void coreIsANamedModuleThatHidesItsInternals() {
        ModuleDescriptor core = ModuleFinder.of(Path.of("target", "classes")).find("io.cathalog.core")
                .orElseThrow().descriptor();
        assertThat(core.isAutomatic()).isFalse();
        assertThat(core.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("io.cathalog.core", "io.cathalog.core.model", "io.cathalog.core.catalog",
                        "io.cathalog.core.auth", "io.cathalog.core.remote", "io.cathalog.core.sync",
                        "io.cathalog.core.marketplace", "io.cathalog.core.http", "io.cathalog.core.lease",
                        "io.cathalog.core.jobs");
        assertThat(core.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets)))
                .as("the transport and the pacing machine: for the ERP and JPA modules, not for hosts")
                .containsExactly(java.util.Map.entry("io.cathalog.core.http.internal",
                        java.util.Set.of("io.cathalog.bling", "io.cathalog.jpa")));
        assertThat(core.uses()).contains("io.cathalog.core.marketplace.MarketplaceMapper");
        assertThat(core.requires().stream().map(ModuleDescriptor.Requires::name))
                .contains("java.net.http", "com.fasterxml.jackson.databind", "com.github.benmanes.caffeine");
        assertThat(core.requires()).extracting(ModuleDescriptor.Requires::name)
                .as("the loopback OAuth flow runs on plain sockets: core needs no JDK HTTP server")
                .doesNotContain("jdk.httpserver");
    }
}
