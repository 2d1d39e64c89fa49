package io.sdxlbatch.progress;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.runpod.Backoff;
import io.sdxlbatch.stop.StopRequest;

/**
 * Reports where the run stands while its job runs: every tick it reads the ledger, rewrites progress.json and
 * redraws the terminal's live line, and every --progress-interval it logs the same numbers as a plain line (INFO
 * without a terminal, DEBUG with one, so run.log keeps the history either way). Started and stopped by the job
 * itself, as its listener, so every start, resume and restart is covered. Ticks run on one thread of their own;
 * start and stop are called by the job's thread, never concurrently.
 */
public final class ProgressReporter implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
    static final Duration TICK = Duration.ofSeconds(1);
    private static final String SYMBOLS = "\u25b6\u00b7";

    private final Ledger ledger;
    private final String runId;
    private final Path runDir;
    private final Duration logInterval;
    private final Backoff backoff;
    private final StopRequest stop;
    private final Clock clock;
    private final ProgressMode mode;
    private ScheduledExecutorService ticker;
    private ProgressTracker tracker;
    private ConsoleLine line;
    private boolean unicode;
    private int ticksPerLogLine;
    private int ticks;
    private boolean failedBefore;

    ProgressReporter(Ledger ledger, String runId, Path runDir, Duration logInterval, Backoff backoff,
                     StopRequest stop, Clock clock, ProgressMode mode) {
        this.stop = stop;
        this.ledger = ledger;
        this.runId = runId;
        this.runDir = runDir;
        this.logInterval = logInterval;
        this.backoff = backoff;
        this.clock = clock;
        this.mode = mode;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        tracker = new ProgressTracker(runId, ProcessHandle.current().pid(), clock);
        if (mode == ProgressMode.LIVE_LINE) {
            line = ConsoleLine.overSystemOut(System.console() == null ? Charset.defaultCharset()
                    : System.console().charset());
            unicode = line.canShow(SYMBOLS);
        }
        // counted in ticks, not read off the clock: a fixed-rate tick compared with a clock drifts by a tick
        long period = Math.min(TICK.toMillis(), logInterval.toMillis());
        ticksPerLogLine = (int) Math.max(1, Math.round(logInterval.toMillis() / (double) period));
        ticks = 0;
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> tick(false), 0, period, TimeUnit.MILLISECONDS);
    }

    /** The last tick, with the final counts, always logged; then the live line ends with a newline. */
    @Override
    public void afterJob(JobExecution execution) {
        ticker.shutdown();
        try {
            ticker.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tick(true);
        if (line != null) {
            line.close();
            line = null;
        }
    }

    /** Never throws: a scheduled task that throws is never run again, and progress must not stop the run. */
    private void tick(boolean last) {
        try {
            ProgressSnapshot snapshot = tracker.next(ledger.countByState(runId), ledger.imagesOnDisk(runId),
                    ledger.lastFailure(runId).orElse(null), backoff.remaining())
                    .withStopReason(stop.get().map(StopRequest.Stop::reason).orElse(null));
            snapshot.write(runDir);
            if (line != null) {
                line.show(ProgressText.live(snapshot, unicode));
            }
            int tick = ticks++;
            if (last || (tick > 0 && tick % ticksPerLogLine == 0)) {
                if (line == null) {
                    log.info(ProgressText.plain(snapshot));
                } else {
                    log.debug(ProgressText.plain(snapshot));
                }
            }
        } catch (RuntimeException e) {
            if (!failedBefore) {
                log.warn("progress not updated: {}", e.toString());
            }
            failedBefore = true;
        }
    }
}
