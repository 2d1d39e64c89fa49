package io.sdxlbatch.prompts;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Spring Batch's view of {@link PromptCsvReader}. It keeps no position: the load step's writer skips lines the
 * ledger already has, so a restarted load simply reads the file again.
 */
final class PromptFileItemReader implements ItemStreamReader<PromptRow> {

    private final Path file;
    private final java.util.Map<String, String> defaults;
    private PromptCsvReader reader;

    PromptFileItemReader(Path file, java.util.Map<String, String> defaults) {
        this.file = file;
        this.defaults = defaults;
    }

    /** A fresh validator per pass: duplicate ids are judged within one reading of the file. */
    @Override
    public void open(ExecutionContext context) {
        reader = new PromptCsvReader(file, new PromptValidator(defaults));
    }

    @Override
    public PromptRow read() {
        return reader.next();
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
