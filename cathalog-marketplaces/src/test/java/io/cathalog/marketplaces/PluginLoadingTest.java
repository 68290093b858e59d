package io.cathalog.marketplaces;

import io.cathalog.core.marketplace.MarketplaceMapper;
import io.cathalog.core.marketplace.MarketplaceRegistry;
import io.cathalog.core.marketplace.PluginReport;
import io.cathalog.marketplaces.mercadolivre.MercadoLivreMapper;
import io.cathalog.marketplaces.mercadolivre.MercadoLivreRequirements;
import io.cathalog.marketplaces.shopee.ShopeeMapper;
import io.cathalog.marketplaces.shopee.ShopeeRequirements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class PluginLoadingTest {

    @TempDir
    Path dir;

    @Test
    void bothPluginsAreFoundThroughServiceLoader() {
        MarketplaceRegistry registry = MarketplaceRegistry.load(getClass().getClassLoader());
        assertThat(registry.mappers()).extracting(MarketplaceMapper::id).containsExactly("mercadolivre", "shopee");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void aJarWithABrokenProviderEntryDoesNotStopTheOthers() throws Exception {
        Path jar = dir.resolve("broken-plugin.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/services/" + MarketplaceMapper.class.getName()));
            j.write("com.example.marketplace.MissingMapper\n".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            MarketplaceRegistry registry = MarketplaceRegistry.builder().classLoader(loader).build();
            assertThat(registry.mappers()).extracting(MarketplaceMapper::id).containsExactly("mercadolivre", "shopee");
            assertThat(registry.problems()).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(PluginReport.Kind.BROKEN);
                assertThat(r.provider()).isEqualTo("com.example.marketplace.MissingMapper");
            });
        }
    }

    @Test
    void aHostReplacesAPluginWithOneReadingItsOwnSource() {
        ShopeeMapper mine = Fixtures.shopeeMapper();
        MarketplaceRegistry registry = MarketplaceRegistry.builder().classLoader(getClass().getClassLoader())
                .override(mine).build();
        assertThat(registry.require("shopee")).isSameAs(mine);
        assertThat(registry.require("mercadolivre")).isInstanceOf(MercadoLivreMapper.class);
    }

    @Test
    void theModuleProvidesBothPlugins() {
        ModuleDescriptor module = ModuleFinder.of(Path.of("target", "classes")).find("io.cathalog.marketplaces")
                .orElseThrow().descriptor();
        assertThat(module.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(MarketplaceMapper.class.getName());
            assertThat(p.providers()).containsExactly(MercadoLivreMapper.class.getName(), ShopeeMapper.class.getName());
        });
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("io.cathalog.marketplaces.mercadolivre", "io.cathalog.marketplaces.shopee");
    }

    @Test
    void theShippedSnapshotServesItsCategoriesAndSaysWhereItComesFrom() {
        MercadoLivreMapper ml = new MercadoLivreMapper();
        for (String id : MercadoLivreRequirements.snapshotCategories()) {
            assertThat(ml.requirements(id).leaf()).isTrue();
        }
        ShopeeMapper shopee = new ShopeeMapper();
        for (String id : ShopeeRequirements.snapshotCategories()) {
            assertThat(shopee.requirements(id).leaf()).isTrue();
        }
        assertThat(MercadoLivreRequirements.class.getResource("/io/cathalog/marketplaces/mercadolivre/snapshot/README.md"))
                .isNotNull();
        assertThat(ShopeeRequirements.class.getResource("/io/cathalog/marketplaces/shopee/snapshot/README.md")).isNotNull();
    }
}
