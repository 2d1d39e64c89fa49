package io.sdxlbatch.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The compact duplicate index: finds every repeat, and no false one among many distinct names. */
class LineIndexTest {

    @Test
    void aRepeatedNameReturnsTheLineItWasFirstSeenOn() {
        LineIndex index = new LineIndex();

        assertThat(index.putIfAbsent("fox", 2)).isZero();
        assertThat(index.putIfAbsent("owl", 3)).isZero();

        assertThat(index.putIfAbsent("fox", 9)).isEqualTo(2);
        assertThat(index.get("owl")).isEqualTo(3);
        assertThat(index.get("cat")).isZero();
    }

    @Test
    void twoHundredThousandDistinctNamesGrowTheTableWithoutAFalseDuplicate() {
        LineIndex index = new LineIndex();

        for (int i = 1; i <= 200_000; i++) {
            assertThat(index.putIfAbsent("p" + i, i + 1)).isZero();
        }

        assertThat(index.putIfAbsent("p123456", 1)).isEqualTo(123457);
        assertThat(index.get("p1")).isEqualTo(2);
    }
}
