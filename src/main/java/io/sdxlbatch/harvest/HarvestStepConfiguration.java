package io.sdxlbatch.harvest;

import java.time.Clock;
import java.time.Duration;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.sdxlbatch.config.PhaseLog;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.config.SplitProgress;
import io.sdxlbatch.images.ImagePublisher;
import io.sdxlbatch.images.ImageSource;
import io.sdxlbatch.images.ImageStager;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerTransitions;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.runs.JobCanceller;
import io.sdxlbatch.stop.FailureBreaker;
import io.sdxlbatch.stop.StopRequest;
import io.sdxlbatch.stop.SubmissionLimits;
import io.sdxlbatch.submit.JobSubmitter;
import io.sdxlbatch.time.Sleeper;

/** Step "harvest": runs beside "submit" and drives every job to a final state, staging images as they arrive. */
@Configuration(proxyBeanMethods = false)
class HarvestStepConfiguration {

    /** Persisted in the job repository: renaming it breaks the restart of runs already on disk. */
    static final String STEP = "harvest";

    @Bean
    SplitProgress splitProgress() {
        return new SplitProgress();
    }

    @Bean
    Step harvestStep(JobRepository repository, PlatformTransactionManager transactions, RunOptions options,
                     Ledger ledger, LedgerTransitions transitions, RunpodClient client, JobSubmitter submitter,
                     SplitProgress progress, StopRequest stop, FailureBreaker breaker, SubmissionLimits limits,
                     Clock clock, Sleeper sleeper) {
        RunFolders folders = RunFolders.of(options.outputDir(), options.runId());
        ImageStager stager = new ImageStager(new ImageSource(Duration.ofSeconds(60)), folders);
        HarvestSettings settings = options.harvest();
        HarvestTasklet tasklet = new HarvestTasklet(() -> new Harvester(ledger, options.runId(), client,
                new ResultHandler(client, transitions, stager, submitter, clock, settings.maxRetries(), breaker, stop,
                        limits),
                new ImagePublisher(folders, transitions), settings, clock), progress, settings, stop, options.stop().grace(),
                options.stop().cancelOnAbort() ? new AbortCancel(ledger, options.runId(),
                        new JobCanceller(client, transitions), clock) : null, clock, sleeper);
        return new StepBuilder(STEP, repository)
                .tasklet(tasklet, transactions)
                .listener(new PhaseLog())
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution stepExecution) {
                        progress.harvestEnded();
                        return null;
                    }
                })
                .allowStartIfComplete(true)
                .build();
    }
}
