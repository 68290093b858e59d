package io.cathalog.core.sync.internal;

import io.cathalog.core.sync.SyncPlan;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the pure planner scales: products x 2 stores over 2 000 categories, a realistic mix (a third
 * uncategorised, a tenth in the wrong category, brands and weights missing on some, custom fields,
 * half the products already linked to each store; see {@link SyntheticAccount}). Prints a table of
 * plan time, allocation and heap, one plan per size; {@link PlannerJmh} measures the same input
 * with JMH.
 *
 * <p>Run: {@code mvn -B -q -pl cathalog-core exec:exec -Dexec.classpathScope=test -Dexec.executable=java
 * -Dexec.args="-Xmx512m -cp %classpath io.cathalog.core.sync.internal.PlannerBenchmark 1000 10000 100000"}
 */
public final class PlannerBenchmark {
    private PlannerBenchmark() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000, 10_000, 100_000);
        }
        System.out.printf(Locale.ROOT, "%-9s %-7s %-8s %-9s %-11s %-12s %-12s %-10s%n", "products", "stores",
                "changes", "attention", "plan ms", "alloc MB", "heap MB", "max heap MB");
        for (int n : sizes) {
            run(n);
        }
    }

    private static void run(int n) {
        Planner.Input input = SyntheticAccount.input(n);
        // Warm up on the same input: the JIT, not the planner, would otherwise dominate small sizes.
        for (int i = 0; i < (n <= 10_000 ? 5 : 1); i++) {
            Planner.plan(input);
        }
        System.gc();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        SyncPlan plan = Planner.plan(input).plan();
        long took = System.nanoTime() - start;
        long alloc = threads.getCurrentThreadAllocatedBytes() - allocBefore;
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "%-9d %-7d %-8d %-9d %-11.0f %-12.0f %-12.0f %-10.0f%n", n, 2,
                plan.changes().size(), plan.attention().size(), took / 1e6, alloc / 1e6, heap / 1e6,
                rt.maxMemory() / 1e6);
    }
}
