package io.sdxlbatch.prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.sdxlbatch.images.ImageNames;

/**
 * Turns a CSV row into the worker input it stands for, checking what worker-sdxl or diffusers would otherwise fail
 * on after the job was paid for. Every problem names the line, the column and the value. Stateless apart from the
 * ids seen so far (duplicate ids are an error for the later row); not thread-safe.
 */
public final class PromptValidator {

    static final List<String> SCHEDULERS = List.of("PNDM", "KLMS", "DDIM", "K_EULER", "K_EULER_ANCESTRAL",
            "DPMSolverMultistep", "DPMSolverSinglestep");
    private static final int MAX_SIDE = 4096;

    private final Map<String, Integer> idsSeen = new LinkedHashMap<>();
    /** Image file names already claimed, lower-cased: macOS and Windows do not tell "Fox" from "fox". */
    private final Map<String, Integer> filesClaimed = new LinkedHashMap<>();

    public PromptRow check(int line, Map<String, String> cells) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> input = new LinkedHashMap<>();
        for (SdxlInput key : SdxlInput.values()) {
            String raw = cells.getOrDefault(key.key(), "").trim();
            if (!raw.isEmpty()) {
                convert(key, raw, line, problems).ifPresent(v -> input.put(key.key(), v));
            }
        }
        checkRanges(input, line, problems);
        String id = promptId(line, cells.getOrDefault("id", "").trim(), problems);
        if (problems.isEmpty()) {
            claimFiles(line, id, input, problems);
        }
        return new PromptRow(line, id, problems.isEmpty() ? input : Map.of(), cells, problems);
    }

    private String promptId(int line, String given, List<String> problems) {
        String id = given.isEmpty() ? "line-" + line : given;
        Integer first = idsSeen.putIfAbsent(id, line);
        if (first != null) {
            problems.add("line " + line + ": id '" + id + "' is already used on line " + first);
        }
        return id;
    }

    private void claimFiles(int line, String id, Map<String, Object> input, List<String> problems) {
        int count = input.get(SdxlInput.NUM_IMAGES.key()) instanceof Integer n ? n : 1;
        List<String> names = ImageNames.of(id, count);
        for (String name : names) {
            Integer other = filesClaimed.get(name.toLowerCase(Locale.ROOT));
            if (other != null) {
                problems.add("line " + line + ": id '" + id + "' would write images/" + name
                        + ", which the row on line " + other + " already writes; choose another id");
                return;
            }
        }
        names.forEach(name -> filesClaimed.put(name.toLowerCase(Locale.ROOT), line));
    }

    private static Optional<Object> convert(SdxlInput key, String raw, int line, List<String> problems) {
        try {
            return Optional.of(switch (key.type()) {
                case STRING -> key == SdxlInput.SCHEDULER ? scheduler(raw) : raw;
                case INTEGER -> Integer.valueOf(raw);
                case FLOAT -> finite(Double.parseDouble(raw));
            });
        } catch (IllegalArgumentException e) {
            problems.add("line " + line + ": " + key.key() + " '" + raw + "' " + expected(key));
            return Optional.empty();
        }
    }

    private static String expected(SdxlInput key) {
        return switch (key.type()) {
            case INTEGER -> "is not a whole number";
            case FLOAT -> "is not a finite number";
            case STRING -> "is not one of " + String.join(", ", SCHEDULERS);
        };
    }

    /** Case-insensitive match, normalised to the exact name: anything else crashes the worker after billing. */
    private static String scheduler(String raw) {
        return SCHEDULERS.stream().filter(s -> s.equalsIgnoreCase(raw)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(raw));
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("not finite");
        }
        return value;
    }

    private static void checkRanges(Map<String, Object> input, int line, List<String> problems) {
        if (!input.containsKey(SdxlInput.PROMPT.key())) {
            problems.add("line " + line + ": prompt is empty");
        }
        for (SdxlInput side : List.of(SdxlInput.WIDTH, SdxlInput.HEIGHT)) {
            if (input.get(side.key()) instanceof Integer v && (v <= 0 || v % 8 != 0 || v > MAX_SIDE)) {
                problems.add("line " + line + ": " + side.key() + " " + v + " is not a positive multiple of 8 up to "
                        + MAX_SIDE);
            }
        }
        for (SdxlInput steps : List.of(SdxlInput.NUM_INFERENCE_STEPS, SdxlInput.REFINER_INFERENCE_STEPS)) {
            if (input.get(steps.key()) instanceof Integer v && v < 1) {
                problems.add("line " + line + ": " + steps.key() + " " + v + " must be at least 1");
            }
        }
        if (input.get(SdxlInput.NUM_IMAGES.key()) instanceof Integer n && (n < 1 || n > 2)) {
            problems.add("line " + line + ": num_images " + n + " must be 1 or 2");
        }
        if (input.get(SdxlInput.IMAGE_URL.key()) instanceof String url
                && !url.toLowerCase(Locale.ROOT).matches("^(https?://|data:image/).+")) {
            problems.add("line " + line + ": image_url '" + abbreviate(url) + "' is not an http(s) or data URL");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
