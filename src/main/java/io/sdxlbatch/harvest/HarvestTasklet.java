package io.sdxlbatch.harvest;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import io.sdxlbatch.config.SplitProgress;
import io.sdxlbatch.stop.StopRequest;
import io.sdxlbatch.time.Sleeper;

/**
 * Runs harvester passes until nothing is in flight and nothing is left to send, or the deadline passes. Each
 * call is one pass, so the job repository records progress as it goes and a stop request is seen between passes.
 */
final class HarvestTasklet implements Tasklet {

    private static final Duration MIN_SLEEP = Duration.ofMillis(20);

    private final Supplier<Harvester> harvesters;
    private final SplitProgress submission;
    private final HarvestSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final StopRequest stop;
    private final Duration grace;
    /** Null unless --cancel-on-abort: then used on every pass after a signal. */
    private final AbortCancel abortCancel;
    private Harvester harvester;
    private long deadline;

    HarvestTasklet(Supplier<Harvester> harvesters, SplitProgress submission, HarvestSettings settings,
                   StopRequest stop, Duration grace, AbortCancel abortCancel, Clock clock, Sleeper sleeper) {
        this.abortCancel = abortCancel;
        this.stop = stop;
        this.grace = grace;
        this.harvesters = harvesters;
        this.submission = submission;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (harvester == null) {
            harvester = harvesters.get();
            deadline = clock.millis() + settings.deadline().toMillis();
        }
        if (abortCancel != null && stop.signalledAt().isPresent()) {
            abortCancel.cancelInFlight(stop.get().map(StopRequest.Stop::reason).orElse("a signal"));
        }
        // read before the pass: a row that turns QUEUED after the pass counted must not be left behind
        boolean submissionEnded = submission.hasSubmissionEnded();
        boolean unsent = harvester.hasUnsentRows();
        int inFlight;
        try {
            inFlight = harvester.pass();
        } catch (RuntimeException | InterruptedException e) {
            finish();
            throw e;
        }
        if (inFlight == 0 && (submissionEnded || !unsent)) {
            finish();
            return RepeatStatus.FINISHED;
        }
        if (clock.millis() >= deadline) {
            finish();
            throw new IllegalStateException("--harvest-timeout of " + settings.deadline() + " passed with "
                    + inFlight + " jobs still in flight; run the same command again to go on harvesting");
        }
        // after a signal the person waits: what is in flight gets the grace period, then a resume collects it
        if (stop.signalledAt().isPresent() && clock.millis() >= stop.signalledAt().getAsLong() + grace.toMillis()) {
            finish();
            throw new IllegalStateException("the grace period of " + grace.toSeconds() + " s after the signal passed"
                    + " with " + inFlight + " jobs still in flight; run the same command again to collect them");
        }
        Duration wait = harvester.untilNextDue();
        sleeper.sleep(wait.compareTo(MIN_SLEEP) < 0 ? MIN_SLEEP
                : wait.compareTo(settings.pollInterval()) > 0 ? settings.pollInterval() : wait);
        return RepeatStatus.CONTINUABLE;
    }

    private void finish() {
        harvester.close();
        harvester = null;
    }
}
