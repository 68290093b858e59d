package io.cathalog.core.sync;

import io.cathalog.core.CathalogException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An apply that stopped keeps its report across Java serialization: no null in a copy. */
class ApplyStoppedExceptionTest {

    @Test
    void aDeserializedCopyHasTheSameReport() throws Exception {
        List<ItemOutcome> outcomes = new ArrayList<>();
        List<Change> changes = PlanFormatTest.everyKind().changes();
        for (int i = 0; i < changes.size(); i++) {
            Outcome o = i == 0 ? Outcome.FAILED : i < 4 ? Outcome.CREATED : Outcome.SKIPPED;
            outcomes.add(new ItemOutcome(changes.get(i), o,
                    o == Outcome.FAILED ? Optional.of("HTTP 400: nome") : o == Outcome.SKIPPED
                            ? Optional.of("the run stopped") : Optional.empty()));
        }
        ApplyReport report = new ApplyReport("run-7", outcomes, Duration.ofMillis(1234));
        ApplyStoppedException stopped = new ApplyStoppedException(report,
                new CathalogException("the daily quota is spent"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(stopped);
        }
        ApplyStoppedException copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ApplyStoppedException) in.readObject();
        }

        assertThat(copy.report()).isNotNull().isEqualTo(report);
        assertThat(copy.report().counts()).isEqualTo(report.counts());
        assertThat(copy.getMessage()).isEqualTo(stopped.getMessage());
        assertThat(copy.getCause()).hasMessage("the daily quota is spent");
    }
}
