package io.sdxlbatch.report;

import java.time.Clock;
import java.util.List;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.endpoint.ResolvedEndpoint;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.RequestCodec;
import io.sdxlbatch.prompts.PromptCsvReader;
import io.sdxlbatch.prompts.RejectsCsv;
import io.sdxlbatch.runpod.RunpodClient;

/**
 * Step "report": writes jobs.csv and summary.json on every run, then fails the job if any row is unfinished, so
 * that the run stays restartable instead of being recorded as complete.
 */
@Configuration(proxyBeanMethods = false)
class ReportStepConfiguration {

    /** Persisted in the job repository: renaming it breaks the restart of runs already on disk. */
    static final String STEP = "report";

    @Bean
    Step reportStep(JobRepository repository, PlatformTransactionManager transactions, RunOptions options,
                    Ledger ledger, ResolvedEndpoint endpoint, RunpodClient client, Clock clock) {
        RunFolders folders = RunFolders.of(options.outputDir(), options.runId());
        return new StepBuilder(STEP, repository)
                .tasklet((contribution, context) -> {
                    List<LedgerEntry> rows = ledger.all(options.runId());
                    JobsCsvReport.write(folders.report().resolve("jobs.csv"), rows);
                    writeRejects(folders, rows);
                    SummaryReport.write(folders.report().resolve("summary.json"), SummaryReport.build(
                            options.runId(), endpoint.describe(), endpoint.simulated(), rows, client.stats(),
                            clock.instant()));
                    long unfinished = rows.stream().filter(r -> !r.state().isFinal()).count();
                    if (unfinished > 0) {
                        throw new UnfinishedRunException(unfinished);
                    }
                    return RepeatStatus.FINISHED;
                }, transactions)
                .allowStartIfComplete(true)
                .build();
    }

    /** rejects.csv under the file's own header, so the fixed rows can be run as they are. */
    private static void writeRejects(RunFolders folders, List<LedgerEntry> rows) {
        List<RejectsCsv.Reject> rejects = rows.stream().filter(r -> r.state() == LedgerState.REJECTED)
                .map(r -> new RejectsCsv.Reject(r.line(), RequestCodec.decodeCells(r.cellsJson()), r.error()))
                .toList();
        if (!rejects.isEmpty()) {
            RejectsCsv.write(folders.rejectsCsv(),
                    rejects.get(0).cells().keySet().stream().filter(k -> !k.equals(PromptCsvReader.EXTRA)).toList(),
                    rejects);
        }
    }
}
