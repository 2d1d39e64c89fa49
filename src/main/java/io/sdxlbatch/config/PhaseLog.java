package io.sdxlbatch.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Logs the start and end of each phase of a run (the job's steps: load, submit, harvest, publish, report), so a
 * log read the next morning shows where the night went and where it stopped. Stateless; one instance may serve
 * every step.
 */
public final class PhaseLog implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PhaseLog.class);

    @Override
    public void beforeStep(StepExecution step) {
        log.info("{} started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        String line = ended(step);
        if (step.getStatus() == BatchStatus.COMPLETED) {
            log.info(line);
        } else {
            log.warn(line);
        }
        return null;
    }

    /**
     * "harvest ended FAILED (reason)". Item counts are left out on purpose: submit re-reads rows on later passes,
     * so its counts are not rows; the progress line that follows says where the rows stand.
     */
    static String ended(StepExecution step) {
        String failure = step.getFailureExceptions().stream().findFirst()
                .map(e -> " (" + e.getMessage() + ")").orElse("");
        return step.getStepName() + " ended " + step.getStatus() + failure;
    }
}
