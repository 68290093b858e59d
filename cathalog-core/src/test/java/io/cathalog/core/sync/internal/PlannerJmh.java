package io.cathalog.core.sync.internal;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * JMH benchmark of the pure planner over {@link SyntheticAccount}: time and (with {@code -prof gc})
 * allocation per plan at 1 000, 10 000 and 100 000 products. Not a test, so it never slows
 * {@code mvn verify}: surefire skips the name, and the generated {@code *_jmhTest} stubs it does
 * pick up hold no JUnit tests.
 *
 * <p>Run from the repository root (about 3.5 minutes on 2 cores):
 * {@code mvn -B -q -pl cathalog-core exec:exec -Dexec.classpathScope=test -Dexec.executable=java
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main PlannerJmh -prof gc"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// A fixed heap (docs/benchmarks.md caps the main at 512 MB; this leaves room for JMH) so GC sizing
// does not differ between sizes; one fork keeps the run within a few minutes on 2 cores.
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
// 2 s iterations: at 100 000 products one plan takes under a second, so each iteration still
// averages a few plans. The planner's code is large: C2 needs 20-40 s to settle, longer on a busy
// machine (after 5 warm-up iterations 10 000 products still took 750 ms/op, against a steady 50-60).
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 10, time = 2)
public class PlannerJmh {

    @Param({"1000", "10000", "100000"})
    public int products;

    private Planner.Input input;

    // Once per size: building the account is not what is measured, and planning never mutates it.
    @Setup(Level.Trial)
    public void buildAccount() {
        input = SyntheticAccount.input(products);
    }

    // Returned, so JMH sinks it into a Blackhole and the JIT cannot drop the work.
    @Benchmark
    public Planner.Result plan() {
        return Planner.plan(input);
    }
}
