package io.sdxlbatch.report;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.sdxlbatch.config.PhaseLog;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.cost.CostOverride;
import io.sdxlbatch.endpoint.ResolvedEndpoint;
import io.sdxlbatch.images.PublishProblem;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.runpod.RunpodClient;

/**
 * Step "report": adds this process's API calls to the run's totals, writes the report folder on every run, then
 * fails the job if any row is unfinished, so that the run stays restartable instead of being recorded as complete.
 */
@Configuration(proxyBeanMethods = false)
class ReportStepConfiguration {

    /** Persisted in the job repository: renaming it breaks the restart of runs already on disk. */
    static final String STEP = "report";

    @Bean
    LatestReport latestReport() {
        return new LatestReport();
    }

    @Bean
    Step reportStep(LatestReport latest, PublishProblem publishProblem, JobRepository repository, PlatformTransactionManager transactions, RunOptions options,
                    Ledger ledger, JdbcTemplate jdbc, RunpodClient client, ResolvedEndpoint endpoint,
                    Clock clock) {
        RunFolders folders = RunFolders.of(options.outputDir(), options.runId());
        RunRecords records = new RunRecords(jdbc);
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new StepBuilder(STEP, repository)
                .tasklet((contribution, context) -> {
                    // committed on its own: the step fails, and rolls back, whenever rows are unfinished
                    ownTransaction.executeWithoutResult(s -> records.addApiCalls(options.runId(), client.stats()));
                    RunRecord run = records.find(options.runId()).orElseGet(() -> new RunRecord(options.runId(),
                            options.promptsFile().toAbsolutePath().toString(), endpoint.key(), endpoint.simulated(),
                            1, options.cost()));
                    RunAnalysis analysis = new RunReports(ledger, records, clock).analyze(run, CostOverride.none());
                    ReportFiles.write(folders, analysis);
                    latest.set(analysis);
                    long unfinished = analysis.jobs().stream().filter(r -> !r.entry().state().isFinal()).count();
                    if (unfinished > 0) {
                        throw new UnfinishedRunException(unfinished, publishProblem.get().orElse(null));
                    }
                    return RepeatStatus.FINISHED;
                }, transactions)
                .listener(new PhaseLog())
                .allowStartIfComplete(true)
                .build();
    }
}
