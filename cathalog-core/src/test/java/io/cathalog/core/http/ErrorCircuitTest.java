package io.cathalog.core.http;

import io.cathalog.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The error circuit with a hand-moved clock: threshold in a sliding window, cool-down, forced opening. */
class ErrorCircuitTest {
    private final MutableClock clock = MutableClock.atDefaultInstant();
    private final ErrorCircuit circuit = new ErrorCircuit(3, Duration.ofSeconds(10), Duration.ofSeconds(60), clock);

    @Test
    void itOpensAtTheThresholdWithinTheWindowAndClosesAfterTheCoolDown() {
        circuit.recordError();
        circuit.recordError();
        assertThat(circuit.openUntil()).isEmpty();

        circuit.recordError();

        Instant until = clock.instant().plusSeconds(60);
        assertThat(circuit.openUntil()).contains(until);
        clock.advance(Duration.ofSeconds(59));
        assertThat(circuit.openUntil()).contains(until);
        clock.advance(Duration.ofSeconds(1));
        assertThat(circuit.openUntil()).isEmpty();
        // The errors that opened it are forgotten.
        circuit.recordError();
        assertThat(circuit.openUntil()).isEmpty();
    }

    @Test
    void errorsOlderThanTheWindowDoNotCount() {
        circuit.recordError();
        clock.advance(Duration.ofSeconds(6));
        circuit.recordError();
        clock.advance(Duration.ofSeconds(5));
        circuit.recordError();

        assertThat(circuit.openUntil()).isEmpty();
        circuit.recordError();
        assertThat(circuit.openUntil()).isPresent();
    }

    @Test
    void openingByHandExtendsButNeverShortens() {
        circuit.open(Duration.ofMinutes(10));
        Instant tenMinutes = clock.instant().plus(Duration.ofMinutes(10));

        circuit.open(Duration.ofMinutes(1));

        assertThat(circuit.openUntil()).contains(tenMinutes);
        circuit.open(Duration.ofMinutes(20));
        assertThat(circuit.openUntil()).contains(clock.instant().plus(Duration.ofMinutes(20)));
    }
}
