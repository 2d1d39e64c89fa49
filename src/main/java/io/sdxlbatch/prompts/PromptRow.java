package io.sdxlbatch.prompts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data row of the prompts CSV, read and checked.
 *
 * @param line     the physical line the record starts on (1 = header), as an editor shows it
 * @param promptId names the output files; from the {@code id} column or derived from the line
 * @param input    the worker input to send, with JSON-ready types; empty when the row was rejected
 * @param cells    the row exactly as written, by header, for rejects.csv
 * @param problems why the row cannot be sent; empty for a good row
 */
public record PromptRow(int line, String promptId, Map<String, Object> input, Map<String, String> cells,
                        List<String> problems) {

    public PromptRow {
        input = Collections.unmodifiableMap(new LinkedHashMap<>(input));
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** How many images the row asks for (worker default 1). */
    public int imageCount() {
        Object n = input.get(SdxlInput.NUM_IMAGES.key());
        return n instanceof Integer i ? i : 1;
    }
}
