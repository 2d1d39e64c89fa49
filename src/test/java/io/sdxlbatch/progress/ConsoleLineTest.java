package io.sdxlbatch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ConsoleLineTest {

    private static final String DRAW = "\r" + ConsoleLine.NO_WRAP;
    private static final String END = "\033[K" + ConsoleLine.WRAP;

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ConsoleLine line = new ConsoleLine(new PrintStream(screen, true, StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);
    private final PrintStream other = new PrintStream(line.otherOutput(), true, StandardCharsets.UTF_8);

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenTwoUpdates_whenShown_thenTheSecondOverwritesTheFirstInPlace() {
        line.show("\u25b6 1/10 done");
        line.show("\u25b6 2/10 done");

        assertThat(screen()).isEqualTo(DRAW + "\u25b6 1/10 done" + END + DRAW + "\u25b6 2/10 done" + END);
    }

    @Test
    void givenALiveLine_whenALogLineIsPrinted_thenTheLineIsErasedFirstAndRedrawnBelowIt() {
        line.show("1/10 done");

        other.print("02:00:01 WARN  line 7: HTTP 429\n");

        assertThat(screen()).isEqualTo(DRAW + "1/10 done" + END + ConsoleLine.ERASE
                + "02:00:01 WARN  line 7: HTTP 429\n" + DRAW + "1/10 done" + END);
    }

    @Test
    void givenOutputWithoutItsNewlineYet_whenTheLineUpdates_thenItWaitsForTheOutputToEndItsLine() {
        line.show("1/10 done");
        other.print("rows by state: ");

        line.show("2/10 done");
        String beforeNewline = screen();
        other.print("{DONE=2}\n");

        assertThat(beforeNewline).endsWith("rows by state: ");
        assertThat(screen()).endsWith("rows by state: {DONE=2}\n" + DRAW + "2/10 done" + END);
    }

    @Test
    void givenALiveLine_whenClosed_thenItStaysOnScreenEndedByANewline() {
        line.show("10/10 done");

        line.close();
        other.print("All 10 prompt rows done.\n");

        assertThat(screen()).isEqualTo(DRAW + "10/10 done" + END + "\nAll 10 prompt rows done.\n");
    }

    @Test
    void givenCharsets_whenAskedForTheSymbols_thenOnlyOneThatEncodesThemSaysYes() {
        assertThat(line.canShow("\u25b6\u00b7")).isTrue();
        assertThat(new ConsoleLine(System.out, StandardCharsets.US_ASCII).canShow("\u25b6\u00b7")).isFalse();
    }
}
