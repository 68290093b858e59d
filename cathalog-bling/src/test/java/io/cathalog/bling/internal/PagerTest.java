package io.cathalog.bling.internal;

import io.cathalog.core.TransportException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagerTest {

    private static List<Long> page(long from, int size) {
        return new ArrayList<>(LongStream.range(from, from + size).boxed().toList());
    }

    @Test
    void endsOnAShortPageOrAnEmptyOne() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(Pager.stream("r", n -> {
            calls.incrementAndGet();
            return n < 3 ? page(n * 1000L, 100) : page(n * 1000L, 7);
        }, Long::longValue).count()).isEqualTo(207);
        assertThat(calls).hasValue(3);
        calls.set(0);
        assertThat(Pager.stream("r", n -> {
            calls.incrementAndGet();
            return n < 3 ? page(n * 1000L, 100) : List.of();
        }, Long::longValue).count()).isEqualTo(200);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aServerThatIgnoresThePageNumberCannotLoopForever() {
        assertThatThrownBy(() -> Pager.stream("GET /produtos", n -> page(0, 100), Long::longValue).count())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("page 2 repeats page 1");
    }

    @Test
    void aServerThatSendsMoreThanAskedIsRefused() {
        assertThatThrownBy(() -> Pager.stream("GET /produtos", n -> page(0, 101), Long::longValue).count())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("more than the 100 asked for");
    }
}
