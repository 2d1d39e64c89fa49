package io.sdxlbatch.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "parameters" text other Stable Diffusion tools (AUTOMATIC1111, ComfyUI readers, image browsers) show for a
 * PNG: the prompt, then "Negative prompt: ...", then one line of "Key: value" settings.
 */
public final class ParametersText {

    private ParametersText() {
    }

    public static String of(Map<String, Object> input, Long seed, String jobId) {
        StringBuilder text = new StringBuilder(String.valueOf(input.getOrDefault("prompt", "")));
        Object negative = input.get("negative_prompt");
        if (negative != null && !negative.toString().isBlank()) {
            text.append("\nNegative prompt: ").append(negative);
        }
        List<String> settings = new ArrayList<>();
        settings.add("Steps: " + input.getOrDefault("num_inference_steps", 25));
        settings.add("Sampler: " + input.getOrDefault("scheduler", "DDIM"));
        settings.add("CFG scale: " + input.getOrDefault("guidance_scale", 7.5));
        settings.add("Seed: " + (seed != null ? seed : input.getOrDefault("seed", "unknown")));
        settings.add("Size: " + input.getOrDefault("width", 1024) + "x" + input.getOrDefault("height", 1024));
        settings.add("Refiner steps: " + input.getOrDefault("refiner_inference_steps", 50));
        if (input.get("high_noise_frac") != null) {
            settings.add("High noise frac: " + input.get("high_noise_frac"));
        }
        if (input.get("image_url") != null) {
            settings.add("Strength: " + input.getOrDefault("strength", 0.3));
        }
        settings.add("Model: stable-diffusion-xl (worker-sdxl 2.1.0)");
        settings.add("Runpod job: " + jobId);
        return text.append('\n').append(String.join(", ", settings)).toString();
    }
}
