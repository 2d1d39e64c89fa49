package io.sdxlbatch.prompts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What worker-sdxl does not check but diffusers or Runpod will fail on, after the job was paid for. Ranges are
 * stated in each message. Stateless.
 */
final class InputRules {

    static final int MAX_SIDE = 4096;
    static final int MAX_STEPS = 500;
    static final double MAX_GUIDANCE = 50;
    /** Runpod refuses /run bodies over 10 MB; keep a margin for the envelope and policy. */
    static final int MAX_INPUT_BYTES = 10_000_000 - 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InputRules() {
    }

    static void check(Map<String, Object> input, String where, List<String> problems) {
        if (!(input.get("prompt") instanceof String prompt) || prompt.isBlank()) {
            problems.add(where + "prompt is empty");
        }
        for (String side : List.of("width", "height")) {
            if (input.get(side) instanceof Integer v && (v <= 0 || v % 8 != 0 || v > MAX_SIDE)) {
                problems.add(where + side + " " + v + " is not a positive multiple of 8 up to " + MAX_SIDE);
            }
        }
        for (String steps : List.of("num_inference_steps", "refiner_inference_steps")) {
            if (input.get(steps) instanceof Integer v && (v < 1 || v > MAX_STEPS)) {
                problems.add(where + steps + " " + v + " must be between 1 and " + MAX_STEPS);
            }
        }
        if (input.get("num_images") instanceof Integer n && (n < 1 || n > 2)) {
            problems.add(where + "num_images " + n + " must be 1 or 2");
        }
        if (input.get("seed") instanceof Long seed && seed < 0) {
            problems.add(where + "seed " + seed + " must not be negative");
        }
        fractions(input, where, problems);
        urlAndSize(input, where, problems);
    }

    private static void fractions(Map<String, Object> input, String where, List<String> problems) {
        if (input.get("guidance_scale") instanceof Double g && (g < 0 || g > MAX_GUIDANCE)) {
            problems.add(where + "guidance_scale " + g + " must be between 0 and " + (int) MAX_GUIDANCE);
        }
        if (input.get("strength") instanceof Double s && (s <= 0 || s > 1)) {
            problems.add(where + "strength " + s + " must be above 0 and at most 1");
        }
        if (input.get("high_noise_frac") instanceof Double f && (f <= 0 || f >= 1)) {
            problems.add(where + "high_noise_frac " + f + " must be between 0 and 1 (exclusive)");
        }
        // The refiner always runs img2img with int(steps * strength) steps; diffusers refuses zero.
        int steps = input.get("refiner_inference_steps") instanceof Integer r ? r : 50;
        double strength = input.get("strength") instanceof Double s ? s : 0.3;
        if (steps >= 1 && strength > 0 && strength <= 1 && (int) (steps * strength) < 1) {
            problems.add(where + "refiner_inference_steps " + steps + " x strength " + strength
                    + " leaves the refiner no step (needs at least 1)");
        }
    }

    private static void urlAndSize(Map<String, Object> input, String where, List<String> problems) {
        if (input.get("image_url") instanceof String url && !isImageUrl(url)) {
            problems.add(where + "image_url '" + abbreviate(url) + "' is not an http(s) or base64 data URL");
        }
        int bytes = JSON.writeValueAsString(input).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INPUT_BYTES) {
            problems.add(where + "the request is " + bytes + " bytes, over Runpod's 10 MB limit for /run");
        }
    }

    /** An http(s) URL, or a data URL whose payload is base64 text (garbage data would fail after billing). */
    private static boolean isImageUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.matches("https?://\\S+") || lower.matches("data:image/[a-z+.-]+;base64,[a-z0-9+/\\s]+=*");
    }

    /** A cell shortened for a message: a 10 MB data URL must not become a 10 MB error. */
    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
