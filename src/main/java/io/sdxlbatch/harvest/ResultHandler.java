package io.sdxlbatch.harvest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sdxlbatch.images.ImageStager;
import io.sdxlbatch.images.ImageUnavailableException;
import io.sdxlbatch.images.UnreadableImageException;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.LedgerTransitions;
import io.sdxlbatch.ledger.RemoteResult;
import io.sdxlbatch.runpod.JobOutput;
import io.sdxlbatch.runpod.JobState;
import io.sdxlbatch.runpod.JobStatus;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.stop.FailureBreaker;
import io.sdxlbatch.stop.StopRequest;
import io.sdxlbatch.stop.SubmissionLimits;
import io.sdxlbatch.runpod.OutputImage;
import io.sdxlbatch.runpod.RunpodException;
import io.sdxlbatch.submit.JobSubmitter;

/**
 * Acts on one status answer: stages the images of a completed job at once, retries failed jobs, and gives every
 * other outcome its own final state and reason, so nothing is dropped silently. Thread-safe.
 */
final class ResultHandler {

    private static final Logger log = LoggerFactory.getLogger(ResultHandler.class);
    /** Reads of a completed job whose images would not decode, before calling them undecodable. */
    static final int MAX_READS = 3;

    private final RunpodClient client;
    private final LedgerTransitions transitions;
    private final ImageStager stager;
    private final JobSubmitter submitter;
    private final Clock clock;
    private final int maxRetries;
    private final FailureBreaker breaker;
    private final StopRequest stop;
    private final SubmissionLimits limits;
    private final Map<Integer, Integer> badReads = new ConcurrentHashMap<>();

    ResultHandler(RunpodClient client, LedgerTransitions transitions, ImageStager stager, JobSubmitter submitter,
                  Clock clock, int maxRetries, FailureBreaker breaker, StopRequest stop, SubmissionLimits limits) {
        this.limits = limits;
        this.breaker = breaker;
        this.stop = stop;
        this.client = client;
        this.transitions = transitions;
        this.stager = stager;
        this.submitter = submitter;
        this.clock = clock;
        this.maxRetries = maxRetries;
    }

    /** Returns the job's state after handling, for the poll schedule. */
    JobState handle(LedgerEntry row, JobStatus status) {
        RemoteResult seen = new RemoteResult(status.rawStatus(), clock.millis(), status.delayTime(),
                status.executionTime(), status.workerId(), seedOf(status));
        switch (status.state()) {
            case COMPLETED -> completed(row, status, seen);
            case FAILED, TIMED_OUT -> failed(row, status, seen);
            // ours (a /cancel whose answer was lost) or someone's on Runpod: either way not the worker's failure,
            // and sent again only if asked (--resubmit-cancelled)
            case CANCELLED -> transitions.cancelled(row.runId(), row.line(), "CANCELLED on the endpoint",
                    clock.millis());
            default -> {
                if (!status.state().name().equals(row.remoteStatus())) {
                    transitions.remoteStatus(row.runId(), row.line(), status.state().name(), status.delayTime());
                }
            }
        }
        return status.state();
    }

    /**
     * A 404 for a job we hold an id for: Runpod has deleted it. Images it returned as bucket URLs are still to be
     * had from the bucket; otherwise the result is gone.
     */
    void expired(LedgerEntry row) {
        List<String> urls = transitions.rememberedUrls(row.runId(), row.line());
        if (!urls.isEmpty()) {
            JobOutput kept = new JobOutput(urls.stream().map(url -> new OutputImage(url, row.seed())).toList());
            stageAndRecord(row, kept, RemoteResult.without("COMPLETED", clock.millis()),
                    "job gone from Runpod; images downloaded from the bucket URLs it had returned");
            return;
        }
        transitions.failed(row.runId(), row.line(), LedgerState.EXPIRED, RemoteResult.without(null, clock.millis()),
                "job " + row.jobId() + " no longer on Runpod (HTTP 404): results are deleted 30 minutes after"
                        + " completion, and jobs past their TTL");
    }

    private void completed(LedgerEntry row, JobStatus status, RemoteResult seen) {
        if (!status.hasImages()) {
            // a worker whose every result is over the payload limit is as broken as one that crashes
            breaker.failed("COMPLETED without output");
            transitions.failed(row.runId(), row.line(), LedgerState.NO_OUTPUT, seen, "COMPLETED without output:"
                    + " Runpod drops results over its payload limit (10 MB for /run)");
            return;
        }
        List<String> urls = status.output().images().stream().filter(i -> !i.isDataUri())
                .map(OutputImage::reference).toList();
        if (!urls.isEmpty()) {
            transitions.rememberUrls(row.runId(), row.line(), urls);
        }
        int asked = row.imageCount() == null ? 1 : row.imageCount();
        int got = status.output().images().size();
        stageAndRecord(row, status.output(), seen,
                got < asked ? "Runpod returned " + got + " of the " + asked + " images asked for" : null);
    }

    private void stageAndRecord(LedgerEntry row, JobOutput output, RemoteResult seen, String note) {
        try {
            String staged = stager.stage(row.line(), output);
            transitions.harvested(row.runId(), row.line(), seen, staged, note);
            badReads.remove(row.line());
            breaker.succeeded();
        } catch (ImageUnavailableException e) {
            // a bucket URL stays valid for days: a failed download is tried again, not held against the image
            log.warn("line {}: job {}: {}; trying again later", row.line(), row.jobId(), e.getMessage());
        } catch (UnreadableImageException e) {
            int reads = badReads.merge(row.line(), 1, Integer::sum);
            if (reads >= MAX_READS) {
                breaker.failed("images undecodable");
                transitions.failed(row.runId(), row.line(), LedgerState.UNDECODABLE, seen,
                        "images undecodable after " + reads + " reads: " + e.getMessage());
                badReads.remove(row.line());
            } else {
                log.warn("line {}: job {}: {}; reading it again", row.line(), row.jobId(), e.getMessage());
            }
        }
    }

    private void failed(LedgerEntry row, JobStatus status, RemoteResult seen) {
        String reason = status.state() + (status.error() == null ? "" : ": " + status.error().summary());
        breaker.failed(reason);
        if (row.retries() >= maxRetries) {
            transitions.failed(row.runId(), row.line(), LedgerState.FAILED, seen, reason);
            return;
        }
        transitions.countRetry(row.runId(), row.line());
        if (stop.requested()) {
            // a retry is a new paid job: not while submission is stopped; the resume sends the row again
            transitions.resubmit(row.runId(), row.line(), reason + "; not retried because submission stopped, sent"
                    + " again when the run resumes");
            return;
        }
        try {
            client.retry(row.jobId());
            transitions.remoteStatus(row.runId(), row.line(), "IN_QUEUE", null);
            log.info("line {}: job {} {}; retried on Runpod", row.line(), row.jobId(), status.state());
        } catch (RunpodException.NotFound e) {
            resubmit(row, reason + "; the job is gone from Runpod, submitted again");
        } catch (RunpodException.Rejected e) {
            // refused: the job cannot be retried, or an earlier /retry of ours whose answer was lost re-queued it
            if (stillFailed(row)) {
                resubmit(row, reason + "; /retry refused, submitted again");
            }
        } catch (RunpodException e) {
            if (e.certainlyNotAccepted()) {
                transitions.uncountRetry(row.runId(), row.line());
            }
            throw e;
        }
    }

    /** After a refused /retry: still FAILED or TIMED_OUT, or gone (a failed job has no result to lose)? */
    private boolean stillFailed(LedgerEntry row) {
        try {
            JobState now = client.status(row.jobId()).state();
            return now == JobState.FAILED || now == JobState.TIMED_OUT;
        } catch (RunpodException.NotFound gone) {
            return true;
        }
    }

    /**
     * The row goes back to PENDING and is sent again as a new job, paid again: only while submission runs and the
     * limits allow it; otherwise it waits, pending, for the resume.
     */
    private void resubmit(LedgerEntry row, String reason) {
        transitions.resubmit(row.runId(), row.line(), reason);
        LedgerEntry again = transitions.reloaded(row);
        if (limits.allows(again)) {
            submitter.submit(again);
        }
    }

    private static Long seedOf(JobStatus status) {
        if (status.output() == null || status.output().images().isEmpty()) {
            return null;
        }
        return status.output().images().get(0).seed();
    }
}
