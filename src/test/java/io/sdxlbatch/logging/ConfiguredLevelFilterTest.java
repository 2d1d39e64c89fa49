package io.sdxlbatch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;

/** The console keeps the levels it was configured with after the loggers are lowered for run.log. */
class ConfiguredLevelFilterTest {

    /** application.yml's levels, plus a user's --logging.level.io.sdxlbatch.runpod=DEBUG. */
    private final ConfiguredLevelFilter console = new ConfiguredLevelFilter(Map.of(ConfiguredLevelFilter.ROOT,
            Level.WARN, "io.sdxlbatch", Level.INFO, "io.sdxlbatch.runpod", Level.DEBUG));

    private FilterReply decide(String logger, Level level) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName(logger);
        event.setLevel(level);
        event.setMessage("m");
        return console.decide(event);
    }

    @Test
    void givenOurLoggers_whenBelowTheirConfiguredLevel_thenKeptOffTheConsole() {
        assertThat(decide("io.sdxlbatch.harvest.Harvester", Level.DEBUG)).isEqualTo(FilterReply.DENY);
        assertThat(decide("io.sdxlbatch.harvest.Harvester", Level.INFO)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void givenALoggerConfiguredForDebug_whenItLogsDebug_thenTheConsoleShowsIt() {
        assertThat(decide("io.sdxlbatch.runpod.RunpodTransport", Level.DEBUG)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("io.sdxlbatch.runpod.RetryLoop$Inner", Level.DEBUG)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void givenOtherLibraries_whenTheyLogInfo_thenOnlyTheRootsWarnReachesTheConsole() {
        assertThat(decide("org.springframework.batch.core.step.AbstractStep", Level.INFO))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.springframework.batch.core.step.AbstractStep", Level.ERROR))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("io.sdxlbatchx.Lookalike", Level.INFO)).as("not a child of io.sdxlbatch")
                .isEqualTo(FilterReply.DENY);
    }
}
