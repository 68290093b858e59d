package io.cathalog.bling.sync;

import io.cathalog.bling.BlingPacing;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.Faults.HostileBody;
import io.cathalog.core.CatalogValidationException;
import io.cathalog.core.Problem;
import io.cathalog.core.ServerErrorException;
import io.cathalog.core.TransportException;
import io.cathalog.core.catalog.CatalogSource;
import io.cathalog.core.catalog.JsonCatalogFile;
import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Category;
import io.cathalog.core.model.Product;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.ItemOutcome;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlanOptions;
import io.cathalog.core.sync.SyncEngine;
import io.cathalog.core.sync.SyncPlan;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 11, every hostile input in one place, each end to end through the engine over the
 * sandbox: a typed exception whose message names the place, nothing crashes, and nothing is
 * half-written to Bling.
 */
class HostileInputTest {

    /** Long enough for any message a person reads; far shorter than what a hostile input holds. */
    private static final int MESSAGE_BOUND = 2_000;

    /** Catalog files: the engine loads the catalog before it sends anything, so nothing at all reaches Bling. */
    @Nested
    class CatalogFiles {
        @TempDir
        Path dir;

        /** Writes {@code bytes} to {@code name}, syncs from it and returns what the sync threw. */
        private CatalogValidationException refused(String name, byte[] bytes, Function<Path, CatalogSource> source)
                throws IOException {
            Path file = Files.write(dir.resolve(name), bytes);
            try (EngineFixture fx = new EngineFixture()) {
                SyncEngine engine = fx.engine(source.apply(file), fx.remote()).build();
                // Errors too (StackOverflowError, OutOfMemoryError): the assertion then shows what escaped.
                Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> catchThrowable(() -> engine.sync(PlanOptions.defaults())));
                assertThat(thrown).isInstanceOf(CatalogValidationException.class);
                assertThat(fx.sandbox.requestLog().entries()).as("nothing sent for an invalid catalog").isEmpty();
                CatalogValidationException e = (CatalogValidationException) thrown;
                assertThat(e.source()).contains(file.toString());
                // A line of message per problem, for the first fifty: bounded whatever the file holds.
                assertThat(e.getMessage()).startsWith("invalid catalog " + file).hasSizeLessThan(50 * MESSAGE_BOUND);
                assertThat(e.problems()).allSatisfy(p -> assertThat(p.location()).as("line and column").isPresent());
                assertThat(e.problems().stream().limit(50)).allSatisfy(p -> assertThat(e.getMessage())
                        .contains(p.location().orElseThrow() + ": " + (p.pointer().isEmpty() ? "(document)" : p.pointer())
                                + ": "));
                return e;
            }
        }

        private CatalogValidationException refused(String name, String json) throws IOException {
            return refused(name, json.getBytes(StandardCharsets.UTF_8), JsonCatalogFile::source);
        }

        /** A catalog file of {@code n} categories, {@code category} making each from its index. */
        private static String categories(int n, IntFunction<String> category) {
            return "{\"format_version\": 1, \"categories\": [" + IntStream.range(0, n).mapToObj(category)
                    .collect(Collectors.joining(",\n")) + "]}";
        }

        private static Problem located(CatalogValidationException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }

        @Test
        void malformedJson() throws IOException {
            Problem p = located(refused("malformed.json", """
                    {"format_version": 1,
                     "categories": [
                       {"key": "a", "name": "A"}
                       {"key": "b", "name": "B"}
                     ]}
                    """));
            assertThat(p.message()).startsWith("malformed JSON");
            assertThat(p.pointer()).isEqualTo("/categories");
            assertThat(p.location()).contains(new Problem.Location(4, 4));
        }

        @Test
        void aHundredThousandNestedArraysOrObjects() throws IOException {
            int n = 100_000;
            String arrays = "{\"format_version\": 1, \"categories\": " + "[".repeat(n) + "]".repeat(n) + "}";
            String objects = "{\"format_version\": 1, \"x\": " + "{\"a\": ".repeat(n) + "1" + "}".repeat(n) + "}";
            for (String json : List.of(arrays, objects)) {
                Problem p = located(refused("deep.json", json));
                assertThat(p.message()).startsWith("refused").contains("nesting depth");
                // Stopped at the limit, not at the bottom: the pointer is about 32 levels deep.
                assertThat(p.pointer().chars().filter(c -> c == '/').count()).isLessThan(40);
            }
        }

        @Test
        void aFileOverTheReadersSizeLimit() throws IOException {
            String big = categories(100_000, i -> "{\"key\": \"k" + i + "\", \"name\": \"Categoria " + i + "\"}");
            assertThat(big.length()).isGreaterThan(3_000_000);
            JsonCatalogFile reader = JsonCatalogFile.reader(1_000_000);
            Problem p = located(refused("big.json", big.getBytes(StandardCharsets.UTF_8), f -> () -> reader.read(f)));
            assertThat(p.message()).contains("refused before it was read in full")
                    .contains("exceeds the maximum allowed (1000000");
        }

        @Test
        void aHugeStringValue() throws IOException {
            String json = "{\"format_version\": 1,\n \"categories\": [{\"key\": \"a\", \"name\": \""
                    + "N".repeat(5_000_000) + "\"}]}";
            Problem p = located(refused("huge-string.json", json));
            assertThat(p.message()).contains("String value length").contains("exceeds the maximum allowed");
            assertThat(p.pointer()).isEqualTo("/categories/0/name");
            assertThat(p.location().orElseThrow().line()).isEqualTo(2);
        }

        @Test
        void cyclicCategoryParents() throws IOException {
            CatalogValidationException e = refused("cycle.json", """
                    {"format_version": 1,
                     "categories": [
                       {"key": "root", "name": "Raiz"},
                       {"key": "a", "name": "A", "parent": "c"},
                       {"key": "b", "name": "B", "parent": "a"},
                       {"key": "c", "name": "C", "parent": "b"},
                       {"key": "self", "name": "Self", "parent": "self"}
                     ]}
                    """);
            assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/categories/1/parent",
                    "/categories/4/parent");
            assertThat(e.problems()).extracting(p -> p.location().orElseThrow().line()).containsExactly(4L, 7L);
            assertThat(e.problems().get(0).message()).contains("cycle").contains("a -> c -> b -> a");
        }

        @Test
        void aCycleThroughFiftyThousandCategories() throws IOException {
            int n = 50_000;
            String json = categories(n, i -> "{\"key\": \"c" + i + "\", \"name\": \"C" + i + "\", \"parent\": \"c"
                    + (i + 1) % n + "\"}");
            // One cycle, one problem, found in linear time and named without listing all its members.
            Problem p = located(refused("long-cycle.json", json));
            assertThat(p.pointer()).isEqualTo("/categories/0/parent");
            assertThat(p.message()).contains("cycle").contains("c0 -> c1");
        }

        @Test
        void aChainFiftyThousandCategoriesDeep() throws IOException {
            int n = 50_000;
            String json = categories(n, i -> "{\"key\": \"c" + i + "\", \"name\": \"C" + i + "\""
                    + (i == 0 ? "" : ", \"parent\": \"c" + (i - 1) + "\"") + "}");
            // Every category below level 10 is a problem; all are listed, the message names the first ones.
            CatalogValidationException e = refused("long-chain.json", json);
            assertThat(e.problems()).hasSize(n - 10);
            assertThat(e.problems().get(0).pointer()).isEqualTo("/categories/10/parent");
            assertThat(e.problems().get(0).message()).contains("depth 11");
            assertThat(e.problems().get(n - 11).message()).contains("depth " + n);
            assertThat(e.getMessage()).contains("and " + (n - 60) + " more");
        }

        @Test
        void invalidUtf8Bytes() throws IOException {
            byte[] bytes = "{\"format_version\": 1,\n \"categories\": [{\"key\": \"a\", \"name\": \"Caf\u00e9\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            int e = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Caf") + 3;
            bytes[e + 1] = (byte) 0x28; // after 0xC3, not a continuation byte
            Problem p = located(refused("utf8.json", bytes, JsonCatalogFile::source));
            assertThat(p.message()).contains("UTF-8");
            assertThat(p.location().orElseThrow().line()).isEqualTo(2);
        }

        @Test
        void duplicateKeys() throws IOException {
            CatalogValidationException e = refused("dup.json", """
                    {"format_version": 1,
                     "categories": [{"key": "a", "name": "A", "name": "B"}],
                     "format_version": 1}
                    """);
            assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/categories/0/name", "/format_version");
            assertThat(e.problems().get(0).message()).contains("duplicate key 'name'");
            assertThat(e.problems().get(0).location()).contains(new Problem.Location(2, 43));
        }
    }

    /** Bling's answers, bent by the sandbox's {@code hostileBody} fault. */
    @Nested
    class BlingAnswers {

        static Stream<Arguments> readRoutesAndKinds() {
            return Stream.of("GET /produtos", "GET /categorias/produtos")
                    .flatMap(route -> Stream.of(HostileBody.values()).filter(kind -> kind != HostileBody.STALLED_BODY)
                            .map(kind -> Arguments.of(route, kind)));
        }

        /** What the failure must say for each kind, beyond the route. */
        private static String says(HostileBody kind) {
            return switch (kind) {
                case ID_NOT_A_NUMBER -> "no positive whole 'id': \"abc\"";
                case DATA_NOT_A_LIST -> "'data' is object";
                case NUMBER_FOR_TEXT -> "42, not text";
                case OVERSIZED_PAGE -> "has 1000 items, more than the 100 asked for";
                case HUGE_BODY -> "is larger than";
                case HTML_502 -> "502 Bad Gateway";
                case HTML_200 -> "not JSON";
                case SHORT_BODY -> "no response";
                case CUT_JSON -> "end-of-input";
                case EMPTY_200 -> "empty body";
                case STALLED_BODY -> "no complete answer";
            };
        }

        @ParameterizedTest(name = "{0} answered {1}")
        @MethodSource("readRoutesAndKinds")
        void aHostileAnswerToAReadFailsTheSyncAndWritesNothing(String route, HostileBody kind) {
            try (EngineFixture fx = new EngineFixture()) {
                SyncEngine engine = fx.demoEngine();
                // More times than the client's attempts: retries of a read meet the same answer.
                fx.sandbox.faults().hostileBody(route, kind, 10);
                Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> catchThrowable(() -> engine.sync(PlanOptions.defaults())));
                assertThat(thrown).isInstanceOf(kind == HostileBody.HTML_502 ? ServerErrorException.class
                        : TransportException.class);
                assertThat(thrown.getMessage()).startsWith(route + (kind == HostileBody.HTML_502 ? " failed" : ": "))
                        .contains(says(kind)).hasSizeLessThan(MESSAGE_BOUND);
                assertThat(fx.sandbox.requestLog().forRoute(route)).as("the fault was met").isNotEmpty();
                assertThat(fx.sandbox.requestLog().writes()).as("nothing written").isEmpty();
            }
        }

        /**
         * A PATCH is not retried, so an unreadable answer fails its item (the answer of a PATCH is
         * not needed, so an empty one is fine); a create whose answer lacks the id is looked up.
         */
        static Stream<Arguments> writeRoutesAndKinds() {
            return Stream.of(
                    Arguments.of("PATCH /produtos/{idProduto}", HostileBody.CUT_JSON, Outcome.FAILED),
                    Arguments.of("PATCH /produtos/{idProduto}", HostileBody.SHORT_BODY, Outcome.FAILED),
                    Arguments.of("PATCH /produtos/{idProduto}", HostileBody.HTML_502, Outcome.FAILED),
                    Arguments.of("PATCH /produtos/{idProduto}", HostileBody.EMPTY_200, Outcome.UPDATED),
                    Arguments.of("POST /produtos", HostileBody.CUT_JSON, Outcome.CREATED),
                    Arguments.of("POST /produtos", HostileBody.EMPTY_200, Outcome.CREATED),
                    Arguments.of("POST /produtos", HostileBody.ID_NOT_A_NUMBER, Outcome.CREATED),
                    Arguments.of("POST /categorias/produtos", HostileBody.EMPTY_200, Outcome.CREATED),
                    Arguments.of("POST /categorias/produtos", HostileBody.SHORT_BODY, Outcome.CREATED));
        }

        /** Three products Bling has under old names, one it lacks, and a category tree it lacks. */
        private static Catalog small() {
            Catalog.Builder b = Catalog.builder()
                    .category(Category.root("home", "Casa"))
                    .category(Category.child("kitchen", "Cozinha", "home"));
            for (int i = 1; i <= 4; i++) {
                b.product(Product.builder("P-" + i, "Panela nova " + i).brand("Marca").category("kitchen").build());
            }
            return b.build();
        }

        private static void seedOldProducts(EngineFixture fx) {
            for (int i = 1; i <= 3; i++) {
                ObjectNode p = JsonNodeFactory.instance.objectNode().put("nome", "Panela velha " + i)
                        .put("codigo", "P-" + i).put("tipo", "P").put("situacao", "A").put("formato", "S");
                fx.sandbox.account().putProduct(p);
            }
        }

        @ParameterizedTest(name = "{0} answered {1}: {2}")
        @MethodSource("writeRoutesAndKinds")
        void aHostileAnswerToAWriteFailsThatItemAtMostAndTheNextSyncConverges(String route, HostileBody kind,
                                                                               Outcome expected) {
            try (EngineFixture fx = new EngineFixture(BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false))) {
                seedOldProducts(fx);
                SyncEngine engine = fx.engine(CatalogSource.of(small()), fx.remote()).build();
                fx.sandbox.faults().hostileBody(route, kind, 1);
                AtomicReference<SyncPlan> plan = new AtomicReference<>();
                ApplyReport first = engine.sync(PlanOptions.defaults(), p -> {
                    plan.set(p);
                    return true;
                });
                assertThat(fx.sandbox.requestLog().forRoute(route)).as("the fault was met").isNotEmpty();
                // Every item gets its outcome; the first one written through the route gets `expected`,
                // every other one succeeds.
                assertThat(first.outcomes()).extracting(ItemOutcome::change)
                        .containsExactlyElementsOf(plan.get().changes());
                String bent = route.startsWith("PATCH") ? "P-1" : route.contains("categorias") ? "home" : "P-4";
                assertThat(first.outcomes()).allSatisfy(o -> assertThat(o.outcome()).as(o.toString())
                        .isEqualTo(o.change().key().equals(bent) ? expected
                                : o.change().action() == ChangeAction.CREATE ? Outcome.CREATED : Outcome.UPDATED));
                first.outcomes().stream().filter(o -> o.outcome() == Outcome.FAILED).forEach(o ->
                        assertThat(o.error().orElseThrow()).contains(route).hasSizeLessThan(MESSAGE_BOUND));

                // The bent answer's write was applied: the next sync sees it and has nothing left to do.
                ApplyReport second = engine.sync(PlanOptions.defaults());
                assertThat(second.outcomes()).as("%s", second.outcomes()).isEmpty();

                List<ObjectNode> products = fx.sandbox.account().products();
                assertThat(products).extracting(p -> p.path("codigo").asText())
                        .containsExactlyInAnyOrder("P-1", "P-2", "P-3", "P-4");
                assertThat(products).allSatisfy(p -> assertThat(p.path("nome").asText()).startsWith("Panela nova"));
                Map<String, Long> categories = fx.sandbox.account().categories().stream().collect(Collectors.groupingBy(
                        c -> c.path("descricao").asText() + "<" + c.path("categoriaPai").path("id").asLong(),
                        Collectors.counting()));
                assertThat(categories).as("no duplicate category").hasSize(2).allSatisfy((k, n) -> assertThat(n).isOne());
                assertThat(fx.state.remoteIds(fx.account, EntityKind.PRODUCT).values())
                        .as("every product known by its real id").allSatisfy(id -> assertThat(id).isPositive());
            }
        }
    }

    /** A body that stops half way must not hold the caller: the whole answer has the client's timeout. */
    @Test
    void aStalledAnswerIsGivenUpAtTheTimeoutAndRetried() {
        try (EngineFixture fx = new EngineFixture()) {
            io.cathalog.bling.BlingClient client = io.cathalog.bling.BlingClient.builder().baseUrl(fx.sandbox.baseUrl())
                    .tokens(io.cathalog.core.http.AccessTokenProvider.fixed(fx.sandbox.issueTokens().accessToken()))
                    .limiter(io.cathalog.core.http.LocalRequestLimiter.builder(fx.account, BlingPacing.standard()).ratePerSecond(1000)
                            .window(1000, Duration.ofSeconds(1), Duration.ZERO).build())
                    .retryPolicy(new io.cathalog.core.http.RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, true))
                    .timeout(Duration.ofMillis(500)).sleeper(d -> { }).build();
            java.util.function.Supplier<Long> count = () -> {
                try (var all = client.products().list(io.cathalog.bling.ProductFilter.all())) {
                    return all.count();
                }
            };
            long expected = count.get();
            int pages = fx.sandbox.requestLog().forRoute("GET /produtos").size();
            // The first answer stalls; that read is sent again and the list comes whole.
            fx.sandbox.faults().hostileBody("GET /produtos", HostileBody.STALLED_BODY, 1);
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), count::get)).isEqualTo(expected);
            assertThat(fx.sandbox.requestLog().forRoute("GET /produtos")).hasSize(2 * pages + 1);
            // Every attempt stalls: a typed error after three half-second attempts, not a hang.
            fx.sandbox.faults().hostileBody("GET /produtos", HostileBody.STALLED_BODY, 10);
            Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> {
                try (var all = client.products().list(io.cathalog.bling.ProductFilter.all())) {
                    all.count();
                }
            }));
            assertThat(thrown).isInstanceOf(TransportException.class)
                    .hasMessageContaining("no complete answer within 500 ms").hasMessageContaining("3 attempts");
        }
    }
}
