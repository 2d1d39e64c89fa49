package io.sdxlbatch.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PromptValidatorTest {

    private final PromptValidator validator = new PromptValidator();

    private static Map<String, String> cells(String... keyValues) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            cells.put(keyValues[i], keyValues[i + 1]);
        }
        return cells;
    }

    /** A fresh validator each time, so repeated checks in one test never trip the duplicate-id rule. */
    private static PromptRow check(String... keyValues) {
        return new PromptValidator().check(7, cells(keyValues));
    }

    @Test
    void givenFullRow_whenChecked_thenIntegersAreIntegerAndFloatsAreDoubleSoJsonKeepsTheirTypes() {
        PromptRow row = check("prompt", "a fox", "negative_prompt", "blurry", "width", "1024", "height", " 768 ",
                "seed", "42", "num_inference_steps", "30", "refiner_inference_steps", "50",
                "guidance_scale", "7.5", "strength", "0.3", "high_noise_frac", "0.8", "num_images", "2");

        assertThat(row.problems()).isEmpty();
        assertThat(row.input().get("width")).isInstanceOf(Integer.class).isEqualTo(1024);
        assertThat(row.input().get("height")).isInstanceOf(Integer.class).isEqualTo(768);
        assertThat(row.input().get("seed")).as("seeds go past 2^31").isInstanceOf(Long.class).isEqualTo(42L);
        assertThat(row.input().get("num_images")).isInstanceOf(Integer.class).isEqualTo(2);
        assertThat(row.input().get("guidance_scale")).isInstanceOf(Double.class).isEqualTo(7.5);
        assertThat(row.input().get("strength")).isInstanceOf(Double.class).isEqualTo(0.3);
        assertThat(row.input().get("high_noise_frac")).isInstanceOf(Double.class).isEqualTo(0.8);
        assertThat(row.imageCount()).isEqualTo(2);
    }

    @Test
    void givenWholeNumberForAFloatKey_whenChecked_thenItIsSentAsDouble() {
        PromptRow row = check("prompt", "x", "guidance_scale", "8");

        assertThat(row.input().get("guidance_scale")).isInstanceOf(Double.class).isEqualTo(8.0);
    }

    @Test
    void givenEmptyCells_whenChecked_thenThoseKeysAreNotSentAtAll() {
        PromptRow row = check("prompt", "x", "width", "", "seed", "  ", "scheduler", "", "tags", "ignored");

        assertThat(row.isValid()).isTrue();
        assertThat(row.input()).containsOnlyKeys("prompt");
        assertThat(row.imageCount()).isEqualTo(1);
    }

    @Test
    void givenDecimalWidth_whenChecked_thenRowIsRefusedNamingLineColumnAndValue() {
        PromptRow row = check("prompt", "x", "width", "12.5");

        assertThat(row.isValid()).isFalse();
        assertThat(row.input()).isEmpty();
        assertThat(row.problems()).containsExactly("line 7: width '12.5' is not a whole number");
    }

    @Test
    void givenTextWidth_whenChecked_thenRowIsRefused() {
        assertThat(check("prompt", "x", "width", "abc").problems())
                .containsExactly("line 7: width 'abc' is not a whole number");
    }

    @Test
    void givenWidthNotAMultipleOf8_whenChecked_thenRowIsRefused() {
        PromptRow row = check("prompt", "x", "width", "1020");

        assertThat(row.isValid()).isFalse();
        assertThat(row.problems()).singleElement().asString().contains("width 1020").contains("multiple of 8");
    }

    @Test
    void givenSidesOutOfRange_whenChecked_thenEachIsReported() {
        assertThat(check("prompt", "x", "height", "0").problems()).singleElement().asString().contains("height 0");
        assertThat(check("prompt", "x", "height", "4104").problems()).singleElement().asString()
                .contains("height 4104");
        assertThat(check("prompt", "x", "height", "4096").isValid()).isTrue();
    }

    @Test
    void givenThreeImages_whenChecked_thenRowIsRefusedBecauseTheWorkerDoesNotEnforceIt() {
        PromptRow row = check("prompt", "x", "num_images", "3");

        assertThat(row.problems()).containsExactly("line 7: num_images 3 must be 1 or 2");
    }

    @Test
    void givenZeroSteps_whenChecked_thenRowIsRefused() {
        assertThat(check("prompt", "x", "num_inference_steps", "0").problems()).singleElement().asString()
                .isEqualTo("line 7: num_inference_steps 0 must be between 1 and 500");
    }

    @Test
    void givenUnknownScheduler_whenChecked_thenRowIsRefusedListingTheValidOnes() {
        PromptRow row = check("prompt", "x", "scheduler", "euler_a");

        assertThat(row.isValid()).isFalse();
        assertThat(row.problems()).singleElement().asString()
                .contains("scheduler 'euler_a'").contains("K_EULER_ANCESTRAL").contains("DPMSolverMultistep");
    }

    @Test
    void givenSchedulerInAnyCase_whenChecked_thenItIsNormalisedToTheWorkersSpelling() {
        assertThat(check("prompt", "x", "scheduler", "k_euler").input()).containsEntry("scheduler", "K_EULER");
        assertThat(new PromptValidator().check(2, cells("prompt", "x", "scheduler", "dpmsolvermultistep")).input())
                .containsEntry("scheduler", "DPMSolverMultistep");
    }

    @Test
    void givenNonFiniteFloat_whenChecked_thenRowIsRefused() {
        assertThat(check("prompt", "x", "guidance_scale", "NaN").problems())
                .containsExactly("line 7: guidance_scale 'NaN' is not a finite number");
    }

    @Test
    void givenEmptyPrompt_whenChecked_thenRowIsRefused() {
        assertThat(check("prompt", "   ", "width", "512").problems()).containsExactly("line 7: prompt is empty");
    }

    @Test
    void givenSeveralProblems_whenChecked_thenAllAreReportedAtOnce() {
        PromptRow row = check("prompt", "", "width", "abc", "num_images", "5");

        assertThat(row.problems()).hasSize(3);
    }

    @Test
    void givenImageUrl_whenChecked_thenOnlyHttpHttpsAndDataImageUrlsPass() {
        assertThat(check("prompt", "x", "image_url", "https://example.com/a.png").isValid()).isTrue();
        assertThat(new PromptValidator().check(2, cells("prompt", "x", "image_url", "HTTP://example.com/a.png"))
                .isValid()).isTrue();
        assertThat(new PromptValidator().check(3, cells("prompt", "x", "image_url", "data:image/png;base64,iVBO"))
                .isValid()).isTrue();
        PromptRow file = new PromptValidator().check(4, cells("prompt", "x", "image_url", "file:///etc/passwd"));
        assertThat(file.problems()).singleElement().asString().contains("image_url 'file:///etc/passwd'")
                .contains("not an http(s) or base64 data URL");
        assertThat(new PromptValidator().check(5, cells("prompt", "x", "image_url", "cat.png")).isValid())
                .isFalse();
    }

    @Test
    void givenNoIdCell_whenChecked_thenIdIsDerivedFromTheLine() {
        assertThat(check("prompt", "x").promptId()).isEqualTo("line-7");
        assertThat(validator.check(9, cells("id", "  ", "prompt", "y")).promptId()).isEqualTo("line-9");
    }

    @Test
    void givenIdCell_whenChecked_thenItIsTrimmedAndUsed() {
        assertThat(check("id", " fox ", "prompt", "x").promptId()).isEqualTo("fox");
    }

    @Test
    void givenSameIdTwice_whenChecked_thenOnlyTheLaterRowIsFlaggedAndItNamesTheFirstLine() {
        PromptRow first = validator.check(3, cells("id", "fox", "prompt", "a"));
        PromptRow second = validator.check(8, cells("id", "fox", "prompt", "b"));

        assertThat(first.isValid()).isTrue();
        assertThat(second.problems()).containsExactly("line 8: id 'fox' is already used on line 3");
        assertThat(second.input()).isEmpty();
    }

    @Test
    void givenRefusedRow_whenChecked_thenCellsAreKeptExactlyAsWrittenForTheRejectsFile() {
        PromptRow row = check("id", "r", "prompt", " x ", "width", "12.5");

        assertThat(row.cells()).containsExactly(Map.entry("id", "r"), Map.entry("prompt", " x "),
                Map.entry("width", "12.5"));
    }

    @Test
    void givenSdxlInputKeys_whenLookedUp_thenTheyAreTheWorkersSnakeCaseNames() {
        assertThat(SdxlInput.NUM_INFERENCE_STEPS.key()).isEqualTo("num_inference_steps");
        assertThat(SdxlInput.byKey(" Guidance_Scale ")).contains(SdxlInput.GUIDANCE_SCALE);
        assertThat(SdxlInput.byKey("steps")).isEmpty();
        assertThat(SdxlInput.SEED.type()).isEqualTo(SdxlInput.Type.INTEGER);
        assertThat(SdxlInput.STRENGTH.type()).isEqualTo(SdxlInput.Type.FLOAT);
    }

    @Test
    void givenTwoRowsThatWouldWriteTheSameImageFile_whenChecked_thenTheSecondIsRefusedNamingTheFirst() {
        PromptRow pair = validator.check(2, Map.of("id", "fox", "prompt", "two foxes", "num_images", "2"));
        PromptRow clash = validator.check(3, Map.of("id", "fox_1", "prompt", "another fox"));
        PromptRow caseOnly = validator.check(4, Map.of("id", "FOX_2", "prompt", "a third fox"));

        assertThat(pair.isValid()).isTrue();
        assertThat(clash.problems()).containsExactly("line 3: id 'fox_1' would write images/fox_1.png, which the"
                + " row on line 2 already writes; choose another id");
        assertThat(caseOnly.isValid()).as("macOS and Windows do not tell FOX from fox").isFalse();
    }

    @Test
    void givenValuesOutsideWhatDiffusersAccepts_whenChecked_thenEachRuleNamesLineColumnValueAndRange() {
        assertThat(check("prompt", "x", "guidance_scale", "51").problems())
                .containsExactly("line 7: guidance_scale 51.0 must be between 0 and 50");
        assertThat(check("prompt", "x", "strength", "1.5").problems())
                .containsExactly("line 7: strength 1.5 must be above 0 and at most 1");
        assertThat(check("prompt", "x", "high_noise_frac", "1").problems())
                .containsExactly("line 7: high_noise_frac 1.0 must be between 0 and 1 (exclusive)");
        assertThat(check("prompt", "x", "num_inference_steps", "501").problems())
                .containsExactly("line 7: num_inference_steps 501 must be between 1 and 500");
        assertThat(check("prompt", "x", "seed", "-1").problems())
                .containsExactly("line 7: seed -1 must not be negative");
        assertThat(check("prompt", "x", "refiner_inference_steps", "3").problems())
                .containsExactly("line 7: refiner_inference_steps 3 x strength 0.3 leaves the refiner no step"
                        + " (needs at least 1)");
    }

    @Test
    void givenASeedBeyond32Bits_whenChecked_thenItIsKeptExactly() {
        assertThat(check("prompt", "x", "seed", "4294967296").input()).containsEntry("seed", 4294967296L);
    }

    @Test
    void givenAnImageUrlThatMakesTheRequestTooBig_whenChecked_thenTheRowIsRefusedBeforePaying() {
        String huge = "data:image/png;base64," + "A".repeat(10_000_000);

        assertThat(check("prompt", "x", "image_url", huge).problems()).singleElement().asString()
                .startsWith("line 7: the request is ").endsWith("bytes, over Runpod's 10 MB limit for /run");
    }

    @Test
    void givenAllProblemsOfARow_whenChecked_thenEveryOneIsListed() {
        assertThat(check("prompt", " ", "width", "abc", "num_images", "3").problems()).containsExactly(
                "line 7: width 'abc' is not a whole number", "line 7: prompt is empty",
                "line 7: num_images 3 must be 1 or 2");
    }

    @Test
    void givenDefaults_whenACellIsEmpty_thenTheDefaultIsSentAndAFilledCellWins() {
        PromptValidator withDefaults = new PromptValidator(Map.of("width", "768", "scheduler", "k_euler"));

        PromptRow empty = withDefaults.check(2, cells("prompt", "x", "width", ""));
        PromptRow filled = withDefaults.check(3, cells("prompt", "y", "width", "512"));

        assertThat(empty.input()).containsEntry("width", 768).containsEntry("scheduler", "K_EULER");
        assertThat(filled.input()).containsEntry("width", 512);
    }

    @Test
    void givenABadDefault_whenTheValidatorIsMade_thenItFailsNamingTheOption() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PromptValidator(Map.of("widht", "768")))
                .hasMessage("--default widht=768: 'widht' is not a worker-sdxl input; did you mean width?");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PromptValidator(Map.of("width", "wide")))
                .hasMessage("--default width=wide: width 'wide' is not a whole number");
    }

    @Test
    void givenNumbersJavaWouldReadButTheCsvShouldNot_whenChecked_thenTheyAreRefused() {
        assertThat(check("prompt", "x", "guidance_scale", "7.5f").problems())
                .containsExactly("line 7: guidance_scale '7.5f' is not a finite number");
        assertThat(check("prompt", "x", "strength", "0x1p-2").isValid()).isFalse();
        assertThat(check("prompt", "x", "guidance_scale", "Infinity").isValid()).isFalse();
        assertThat(check("prompt", "x", "guidance_scale", "1e1").input()).containsEntry("guidance_scale", 10.0);
    }

    @Test
    void givenADataUrlThatIsNotBase64_whenChecked_thenItIsRefused() {
        assertThat(check("prompt", "x", "image_url", "data:image/png;base64,!!!notbase64").problems())
                .singleElement().asString().endsWith("is not an http(s) or base64 data URL");
    }

    @Test
    void givenADefaultThatBreaksARule_whenTheValidatorIsMade_thenItFailsAtOnceNotOnEveryRow() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PromptValidator(Map.of("width", "1020")))
                .hasMessage("--default width 1020 is not a positive multiple of 8 up to 4096");
    }
}
