package io.sdxlbatch.prompts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One streaming pass over a prompts file before anything is sent: counts, the rejected rows with their reasons,
 * the unknown columns. Only rejected rows are kept in memory, so a file of any length scans in flat memory.
 *
 * @param images   images the valid rows will produce
 * @param rejected the rows that will not be sent, in file order
 */
public record PromptScan(Path file, List<String> header, List<String> unknownColumns, int rows, int valid,
                         int images, List<PromptRow> rejected) {

    /** Reads the whole file with {@code validator}, handing each valid row to {@code onValid}. */
    public static PromptScan of(Path file, PromptValidator validator, Consumer<PromptRow> onValid) {
        List<PromptRow> rejected = new ArrayList<>();
        int rows = 0;
        int valid = 0;
        int images = 0;
        try (PromptCsvReader reader = new PromptCsvReader(file, validator)) {
            for (PromptRow row = reader.next(); row != null; row = reader.next()) {
                rows++;
                if (row.isValid()) {
                    valid++;
                    images += row.imageCount();
                    onValid.accept(row);
                } else {
                    rejected.add(row);
                }
            }
            return new PromptScan(file, reader.header(), reader.unknownColumns(), rows, valid, images,
                    List.copyOf(rejected));
        }
    }
}
