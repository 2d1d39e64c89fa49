package io.sdxlbatch.prompts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * worker-sdxl 2.1.0's input schema: every key the worker accepts and the JSON type it insists on. The worker
 * rejects any other key, so nothing of ours can travel inside {@code input}.
 */
public enum SdxlInput {
    PROMPT(Type.STRING),
    NEGATIVE_PROMPT(Type.STRING),
    HEIGHT(Type.INTEGER),
    WIDTH(Type.INTEGER),
    SEED(Type.INTEGER),
    SCHEDULER(Type.STRING),
    NUM_INFERENCE_STEPS(Type.INTEGER),
    REFINER_INFERENCE_STEPS(Type.INTEGER),
    GUIDANCE_SCALE(Type.FLOAT),
    STRENGTH(Type.FLOAT),
    HIGH_NOISE_FRAC(Type.FLOAT),
    IMAGE_URL(Type.STRING),
    NUM_IMAGES(Type.INTEGER);

    /** The JSON type the worker's validator checks. */
    public enum Type { STRING, INTEGER, FLOAT }

    private final Type type;
    private final String key;

    SdxlInput(Type type) {
        this.type = type;
        this.key = name().toLowerCase(Locale.ROOT);
    }

    public Type type() {
        return type;
    }

    /** The key as the worker spells it, e.g. {@code num_inference_steps}. */
    public String key() {
        return key;
    }

    public static Optional<SdxlInput> byKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(i -> i.key().equals(k)).findFirst();
    }
}
