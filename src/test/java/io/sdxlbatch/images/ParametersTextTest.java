package io.sdxlbatch.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ParametersTextTest {

    private static Map<String, Object> input(Object... keyValues) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            input.put((String) keyValues[i], keyValues[i + 1]);
        }
        return input;
    }

    @Test
    void givenFullInput_whenFormatted_thenItFollowsTheA1111Layout() {
        String text = ParametersText.of(input("prompt", "a red fox", "negative_prompt", "blurry",
                "num_inference_steps", 30, "scheduler", "K_EULER", "guidance_scale", 8.0, "seed", 42,
                "width", 768, "height", 512), 42L, "job-1");

        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("a red fox");
        assertThat(lines[1]).isEqualTo("Negative prompt: blurry");
        assertThat(lines[2]).startsWith("Steps: 30, Sampler: K_EULER, CFG scale: 8.0, Seed: 42, Size: 768x512, ")
                .contains("Runpod job: job-1");
    }

    @Test
    void givenNoNegativePrompt_whenFormatted_thenThereIsNoNegativeLine() {
        String text = ParametersText.of(input("prompt", "a teapot"), 7L, "j");

        assertThat(text.split("\n")).hasSize(2);
        assertThat(text).doesNotContain("Negative prompt");
        assertThat(ParametersText.of(input("prompt", "a", "negative_prompt", "  "), 7L, "j"))
                .doesNotContain("Negative prompt");
    }

    @Test
    void givenOnlyAPrompt_whenFormatted_thenWorkerDefaultsAreShown() {
        String text = ParametersText.of(input("prompt", "a teapot"), 1234L, "j");

        assertThat(text.split("\n")[1])
                .startsWith("Steps: 25, Sampler: DDIM, CFG scale: 7.5, Seed: 1234, Size: 1024x1024");
    }

    @Test
    void givenWorkerUsedADifferentSeed_whenFormatted_thenTheUsedSeedWins() {
        String text = ParametersText.of(input("prompt", "x", "seed", 1), 99L, "j");

        assertThat(text).contains("Seed: 99").doesNotContain("Seed: 1,");
    }

    @Test
    void givenNoUsedSeed_whenFormatted_thenTheInputSeedIsShown() {
        assertThat(ParametersText.of(input("prompt", "x", "seed", 5), null, "j")).contains("Seed: 5,");
    }

    @Test
    void givenMultiLinePrompt_whenFormatted_thenPromptComesFirstAndSettingsLast() {
        String text = ParametersText.of(input("prompt", "line one\nline two"), 3L, "j");

        assertThat(text).startsWith("line one\nline two\nSteps: 25");
    }
}
