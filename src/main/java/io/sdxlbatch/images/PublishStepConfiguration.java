package io.sdxlbatch.images;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.sdxlbatch.config.PhaseLog;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.LedgerTransitions;

/** Step "publish": writes every harvested row's images to their final names. Idempotent, runs on every restart. */
@Configuration(proxyBeanMethods = false)
class PublishStepConfiguration {

    /** Persisted in the job repository: renaming it breaks the restart of runs already on disk. */
    static final String STEP = "publish";
    private static final Logger log = LoggerFactory.getLogger(PublishStepConfiguration.class);

    @Bean
    PublishProblem publishProblem() {
        return new PublishProblem();
    }

    @Bean
    Step publishStep(JobRepository repository, PlatformTransactionManager transactions, RunOptions options,
                     Ledger ledger, LedgerTransitions transitions, PublishProblem problem) {
        ImagePublisher publisher = new ImagePublisher(RunFolders.of(options.outputDir(), options.runId()),
                transitions);
        return new StepBuilder(STEP, repository)
                .tasklet((contribution, context) -> {
                    for (LedgerEntry row : ledger.inState(options.runId(), LedgerState.HARVESTED)) {
                        boolean published;
                        try {
                            published = publisher.publish(row);
                        } catch (RuntimeException e) {
                            // a full disk or an unwritable folder fails every row alike: stop at the first; the
                            // rows stay HARVESTED, their images staged, and the next run publishes them
                            log.warn("line {}: cannot publish: {}", row.line(), e.getMessage(), e);
                            problem.set(e);
                            break;
                        }
                        if (!published) {
                            log.warn("line {}: staged image missing or damaged; it will be read again from"
                                    + " Runpod on the next run", row.line());
                            transitions.restage(row.runId(), row.line());
                        }
                        contribution.incrementWriteCount(1);
                    }
                    return RepeatStatus.FINISHED;
                }, transactions)
                .listener(new PhaseLog())
                .allowStartIfComplete(true)
                .build();
    }
}
