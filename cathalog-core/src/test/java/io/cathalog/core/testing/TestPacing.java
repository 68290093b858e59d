package io.cathalog.core.testing;

import io.cathalog.core.http.Pacing;

import java.time.Duration;
import java.time.ZoneId;

/** The pacing rule core's tests pace by: an ERP like Bling (core itself knows no ERP's numbers). */
public final class TestPacing {
    private TestPacing() {
    }

    /** 2.85 a second, at most 3 in any 1.05 s, 120 000 a day from São Paulo's midnight. */
    public static Pacing threePerSecond() {
        return new Pacing(2.85, 3, Duration.ofMillis(1050), 120_000, ZoneId.of("America/Sao_Paulo"));
    }
}
