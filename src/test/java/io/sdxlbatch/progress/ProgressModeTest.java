package io.sdxlbatch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressModeTest {

    @Test
    void givenATerminalThatNamesItself_whenChosen_thenALiveLine() {
        assertThat(ProgressMode.choose(true, "xterm-256color")).isEqualTo(ProgressMode.LIVE_LINE);
        assertThat(ProgressMode.choose(true, "screen")).isEqualTo(ProgressMode.LIVE_LINE);
    }

    @Test
    void givenNoTerminal_whenChosen_thenLogLinesWhateverTermSays() {
        assertThat(ProgressMode.choose(false, "xterm")).as("cron, CI, a pipe").isEqualTo(ProgressMode.LOG_LINES);
    }

    @Test
    void givenADumbOrUnnamedTerminal_whenChosen_thenLogLines() {
        assertThat(ProgressMode.choose(true, "dumb")).isEqualTo(ProgressMode.LOG_LINES);
        assertThat(ProgressMode.choose(true, null)).isEqualTo(ProgressMode.LOG_LINES);
        assertThat(ProgressMode.choose(true, " ")).isEqualTo(ProgressMode.LOG_LINES);
    }
}
