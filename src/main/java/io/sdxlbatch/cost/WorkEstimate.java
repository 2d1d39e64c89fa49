package io.sdxlbatch.cost;

import java.util.Map;

/**
 * Estimates the GPU execution time of one worker-sdxl job from its input, for a dry run. With no history it uses
 * the documented typical figure (about 10 s per 1024x1024 image at 25 base and 50 x 0.3 refiner steps on a 4090,
 * within Runpod's 6-15 s), scaled by pixels and steps; with history it scales that run's measured seconds per
 * image the same way.
 */
public final class WorkEstimate {

    /** Typical seconds for the reference image (1024x1024, 25 + 50 x 0.3 steps) on a 4090. */
    public static final double TYPICAL_REFERENCE_SECONDS = 10.0;
    private static final double REFERENCE_WORK = units(Map.of());

    private final double referenceSeconds;

    public WorkEstimate(double referenceSeconds) {
        this.referenceSeconds = referenceSeconds;
    }

    public static WorkEstimate typical() {
        return new WorkEstimate(TYPICAL_REFERENCE_SECONDS);
    }

    /** Estimated execution seconds of the job that {@code input} asks for. */
    public double seconds(Map<String, Object> input) {
        return referenceSeconds * units(input) / REFERENCE_WORK;
    }

    /** Seconds per reference image that make {@code input}'s measured execution fit: for learning from history. */
    public static double referenceSeconds(Map<String, Object> input, double measuredSeconds) {
        return measuredSeconds * REFERENCE_WORK / units(input);
    }

    /** Pixels x denoising steps x images: what a diffusion job's time grows with. */
    static double units(Map<String, Object> input) {
        double pixels = number(input, "width", 1024) * number(input, "height", 1024);
        double steps = number(input, "num_inference_steps", 25)
                + number(input, "refiner_inference_steps", 50) * number(input, "strength", 0.3);
        if (input.get("image_url") != null) {
            steps = number(input, "refiner_inference_steps", 50) * number(input, "strength", 0.3);
        }
        return pixels * steps * number(input, "num_images", 1);
    }

    private static double number(Map<String, Object> input, String key, double fallback) {
        return input.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }
}
