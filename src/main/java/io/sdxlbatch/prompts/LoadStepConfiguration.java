package io.sdxlbatch.prompts;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.sdxlbatch.config.PhaseLog;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.RequestCodec;

/** Step "load": every CSV data row becomes a ledger row, PENDING to be sent or REJECTED with its reasons. */
@Configuration(proxyBeanMethods = false)
class LoadStepConfiguration {

    /** Persisted in the job repository: renaming it breaks the restart of runs already on disk. */
    static final String STEP = "load";

    @Bean
    Step loadStep(JobRepository repository, PlatformTransactionManager transactions, RunOptions options,
                  Ledger ledger) {
        return new StepBuilder(STEP, repository)
                .<PromptRow, PromptRow>chunk(100)
                .transactionManager(transactions)
                .reader(new PromptFileItemReader(options.promptsFile(), options.inputDefaults()))
                .writer(writer(ledger, options))
                .listener(new PhaseLog())
                .build();
    }

    private static ItemWriter<PromptRow> writer(Ledger ledger, RunOptions options) {
        return rows -> ledger.addAllIfAbsent(options.runId(), rows.getItems().stream().map(row -> {
            boolean valid = row.isValid();
            return new Ledger.NewRow(row.line(), row.promptId(),
                    valid ? RequestCodec.encode(row.input(), options.policy()) : "{}",
                    RequestCodec.encodeCells(row.cells()), valid ? LedgerState.PENDING : LedgerState.REJECTED,
                    valid ? row.imageCount() : 0, valid ? null : String.join("; ", row.problems()));
        }).toList());
    }
}
