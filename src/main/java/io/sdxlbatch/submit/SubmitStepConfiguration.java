package io.sdxlbatch.submit;

import java.time.Clock;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.sdxlbatch.config.PhaseLog;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.config.SplitProgress;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerTransitions;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.stop.StopRequest;
import io.sdxlbatch.stop.SubmissionLimits;
import io.sdxlbatch.time.Sleeper;

/**
 * Step "submit": sends the ledger's PENDING rows in chunks, paced by the client's rate limits and the in-flight
 * cap. It runs again on every restart (the ledger says what is left), and tells the harvester when it has ended.
 */
@Configuration(proxyBeanMethods = false)
class SubmitStepConfiguration {

    /** Persisted in the job repository: renaming it breaks the restart of runs already on disk. */
    static final String STEP = "submit";
    private static final int PASSES = 3;

    @Bean
    JobSubmitter jobSubmitter(RunpodClient client, LedgerTransitions transitions, Clock clock, StopRequest stop) {
        return new JobSubmitter(client, transitions, clock, stop);
    }

    @Bean
    Step submitStep(JobRepository repository, PlatformTransactionManager transactions, RunOptions options,
                    Ledger ledger, JobSubmitter submitter, SplitProgress progress, StopRequest stop,
                    SubmissionLimits limits, Sleeper sleeper, RunpodClient client) {
        InFlightGate gate = new InFlightGate(ledger, options.runId(), options.maxInFlight(), progress, stop,
                sleeper);
        return new StepBuilder(STEP, repository)
                .<LedgerEntry, LedgerEntry>chunk(options.chunkSize())
                .transactionManager(transactions)
                .reader(new LedgerSubmitReader(ledger, options.runId(), PASSES, stop))
                .writer(new SubmitWriter(submitter, gate, limits, sleeper, client.backoff()))
                .listener(new PhaseLog())
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution stepExecution) {
                        progress.submissionEnded();
                        return null;
                    }
                })
                .allowStartIfComplete(true)
                .build();
    }
}
