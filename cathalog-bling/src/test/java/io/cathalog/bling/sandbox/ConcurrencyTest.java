package io.cathalog.bling.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void concurrentWritersGetUniqueIdsAndExactlyOneWinsARacedSku() throws Exception {
        try (BlingSandbox sandbox = BlingSandbox.builder().rateLimits(false).enforceIpBlocks(false).start()) {
            String token = sandbox.issueTokens().accessToken();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    Api api = new Api(sandbox, token);
                    int created = 0;
                    for (int i = 0; i < 10; i++) {
                        if (api.post("/produtos", Api.productJson("P", "T" + thread + "-" + i)).status() == 201) {
                            created++;
                        }
                    }
                    return api.post("/produtos", Api.productJson("Disputado", "RACE")).status() == 201 ? created + 1000 : created;
                });
            }
            int total = 0;
            int raceWinners = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                int v = f.get();
                raceWinners += v / 1000;
                total += v % 1000;
            }
            pool.shutdown();
            assertThat(total).isEqualTo(80);
            assertThat(raceWinners).isEqualTo(1);
            var products = sandbox.account().products();
            assertThat(products).hasSize(81);
            assertThat(new HashSet<>(products.stream().map(p -> p.get("id").asLong()).toList())).hasSize(81);
        }
    }

    @Test
    void manySandboxesInOneJvm() {
        try (BlingSandbox a = BlingSandbox.builder().start(); BlingSandbox b = BlingSandbox.builder().start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            new Api(a, a.issueTokens().accessToken()).post("/categorias/produtos", "{\"descricao\":\"A\"}");
            assertThat(a.account().categories()).hasSize(1);
            assertThat(b.account().categories()).isEmpty();
        }
    }
}
