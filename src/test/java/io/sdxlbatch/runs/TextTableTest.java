package io.sdxlbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void givenCellsOfDifferentWidths_whenRendered_thenColumnsLineUpAndCountsAreRightAligned() {
        TextTable table = new TextTable("RUN ID", "STATE", "ROWS").rightAligned(2)
                .row("nightly-2026-12-04", "COMPLETED", 1200)
                .row("a", "in progress (pid 4242)", 7);

        assertThat(table.render()).isEqualTo("""
                RUN ID              STATE                   ROWS
                nightly-2026-12-04  COMPLETED               1200
                a                   in progress (pid 4242)     7
                """);
    }

    @Test
    void givenARowOfTheWrongLength_whenAdded_thenRefused() {
        assertThatThrownBy(() -> new TextTable("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
