package io.sdxlbatch.prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sdxlbatch.images.ImageNames;

/**
 * Turns a CSV row into the worker input it stands for, checking what worker-sdxl or diffusers would otherwise fail
 * on after the job was paid for. Every problem names the line, the column and the value. Stateless apart from the
 * ids seen so far (duplicate ids are an error for the later row); not thread-safe.
 */
public final class PromptValidator {

    private final LineIndex idsSeen = new LineIndex();
    /** Image file names already claimed, lower-cased: macOS and Windows do not tell "Fox" from "fox". */
    private final LineIndex filesClaimed = new LineIndex();

    private final Map<SdxlInput, Object> defaults;

    /** A validator without defaults: empty cells leave the worker's own defaults. */
    public PromptValidator() {
        this(Map.of());
    }

    /**
     * @param defaults values for empty cells, by worker input key ({@code --default width=768}); checked here, so
     *                 a bad default fails before any row is read
     */
    public PromptValidator(Map<String, String> defaults) {
        Map<SdxlInput, Object> typed = new java.util.EnumMap<>(SdxlInput.class);
        defaults.forEach((key, raw) -> {
            SdxlInput input = SdxlInput.byKey(key).orElseThrow(() -> new IllegalArgumentException("--default "
                    + key + "=" + raw + ": '" + key + "' is not a worker-sdxl input" + io.sdxlbatch.cli.ClosestMatch
                    .among(key, java.util.Arrays.stream(SdxlInput.values()).map(SdxlInput::key).toList())
                    .map(m -> "; did you mean " + m + "?").orElse("")));
            try {
                typed.put(input, InputConverter.convert(input, raw.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--default " + key + "=" + raw + ": " + e.getMessage(), e);
            }
        });
        this.defaults = java.util.Collections.unmodifiableMap(typed);
        checkDefaults();
    }

    public PromptRow check(int line, Map<String, String> cells) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> input = new LinkedHashMap<>();
        for (SdxlInput key : SdxlInput.values()) {
            String raw = cells.getOrDefault(key.key(), "").trim();
            if (!raw.isEmpty()) {
                try {
                    input.put(key.key(), InputConverter.convert(key, raw));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            } else if (defaults.containsKey(key)) {
                input.put(key.key(), defaults.get(key));
            }
        }
        if (cells.containsKey(PromptCsvReader.EXTRA)) {
            problems.add("line " + line + ": more cells than the header has columns ('"
                    + InputRules.abbreviate(cells.get(PromptCsvReader.EXTRA).replace(PromptCsvReader.EXTRA_SEPARATOR, ","))
                    + "'); quote a prompt that contains commas");
        }
        InputRules.check(input, "line " + line + ": ", problems);
        String id = promptId(line, cells.getOrDefault("id", "").trim(), problems);
        if (problems.isEmpty()) {
            claimFiles(line, id, input, problems);
        }
        return new PromptRow(line, id, problems.isEmpty() ? input : Map.of(), cells, problems);
    }

    private String promptId(int line, String given, List<String> problems) {
        String id = given.isEmpty() ? "line-" + line : given;
        int first = idsSeen.putIfAbsent(id, line);
        if (first != 0) {
            problems.add("line " + line + ": id '" + id + "' is already used on line " + first);
        }
        return id;
    }

    private void claimFiles(int line, String id, Map<String, Object> input, List<String> problems) {
        int count = input.get(SdxlInput.NUM_IMAGES.key()) instanceof Integer n ? n : 1;
        List<String> names = ImageNames.of(id, count);
        for (String name : names) {
            int other = filesClaimed.get(name.toLowerCase(Locale.ROOT));
            if (other != 0) {
                problems.add("line " + line + ": id '" + id + "' would write images/" + name
                        + ", which the row on line " + other + " already writes; choose another id");
                return;
            }
        }
        names.forEach(name -> filesClaimed.putIfAbsent(name.toLowerCase(Locale.ROOT), line));
    }

    /** The defaults must pass the same rules as a cell, or every row would be blamed for them. */
    private void checkDefaults() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(SdxlInput.PROMPT.key(), "(default check)");
        defaults.forEach((key, value) -> input.put(key.key(), value));
        List<String> problems = new ArrayList<>();
        InputRules.check(input, "--default ", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
