package io.sdxlbatch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.ledger.FileLedger;
import io.sdxlbatch.ledger.RemoteResult;
import io.sdxlbatch.runpod.Backoff;

/** The reporter's life around a job, on a terminal: the line owns System.out while the job runs, then gives it back. */
class ProgressReporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FileLedger db;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenATerminal_whenAJobRunsAndLogs_thenTheLastLineStaysEndedByANewlineAndSystemOutIsGivenBack() {
        db = new FileLedger(dir.resolve("db"));
        db.pending("r", 2, "a fox");
        db.pending("r", 3, "an owl");
        db.transitions.intendToSend("r", 2);
        db.transitions.sent("r", 2, "job-2", 1L);
        db.transitions.harvested("r", 2, RemoteResult.without("COMPLETED", 2L), "staging/2_1.png", null);
        Path runDir = dir.resolve("run");
        ProgressReporter reporter = new ProgressReporter(db.ledger, "r", runDir, Duration.ofSeconds(30),
                new Backoff(CLOCK), new io.sdxlbatch.stop.StopRequest(), CLOCK, ProgressMode.LIVE_LINE);
        PrintStream before = System.out;
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(screen, true, StandardCharsets.UTF_8);
        System.setOut(terminal);
        PrintStream afterJob;
        try {
            reporter.beforeJob(null);
            System.out.println("02:00:01 WARN  a log line");
            reporter.afterJob(null);
            afterJob = System.out;
        } finally {
            System.setOut(before);
        }

        String shown = screen.toString(StandardCharsets.UTF_8);
        String draw = "\r\033\\[\\?7l[^\r\n]*\033\\[K\033\\[\\?7h";
        assertThat(afterJob).isSameAs(terminal);
        String dot = " (\u00b7|\\|) ";
        assertThat(shown).containsPattern("\r\033\\[\\?7l(\u25b6|>) 1/2 done" + dot + "0 in flight" + dot
                + "1 queued to send" + dot + "0\\.0 img/min\033\\[K\033\\[\\?7h\n$");
        assertThat(shown.replaceAll(draw, "")).as("the log line whole, never inside the status line")
                .matches("(\r\033\\[K)?02:00:01 WARN  a log line\n\n");
        assertThat(ProgressSnapshot.read(runDir).orElseThrow().byState())
                .containsExactlyInAnyOrderEntriesOf(Map.of("HARVESTED", 1, "PENDING", 1));
    }
}
