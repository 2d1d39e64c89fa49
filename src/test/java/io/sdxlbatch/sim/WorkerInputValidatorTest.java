package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkerInputValidatorTest {

    private final WorkerInputValidator validator = new WorkerInputValidator();

    private WorkerInputValidator.Result validate(String json) {
        return validator.validate(SimClient.JSON.readTree(json));
    }

    @Test
    void fillsDefaultsForAValidInput() {
        var result = validate("{\"prompt\":\"x\"}");
        assertThat(result.ok()).isTrue();
        assertThat(result.validated().get("width").asInt()).isEqualTo(1024);
        assertThat(result.validated().get("scheduler").asString()).isEqualTo("DDIM");
        assertThat(result.validated().get("seed").isNull()).isTrue();
    }

    @Test
    void listsUnexpectedKeysFirstInInputOrderThenSchemaErrors() {
        var result = validate("{\"zeta\":1,\"alpha\":2,\"seed\":1.5}");
        assertThat(result.errors()).containsExactly(
                "Unexpected input. zeta is not a valid input option.",
                "Unexpected input. alpha is not a valid input option.",
                "Schema error, missing default value for prompt.",
                "seed should be <class 'int'> type, not <class 'float'>.");
    }

    @Test
    void nullIsAcceptedWhereTheDefaultIsNoneOnly() {
        assertThat(validate("{\"prompt\":\"x\",\"seed\":null,\"negative_prompt\":null}").ok()).isTrue();
        assertThat(validate("{\"prompt\":\"x\",\"width\":null}").errors())
                .containsExactly("width should be <class 'int'> type, not <class 'NoneType'>.");
    }

    @Test
    void numImagesConstraintOnlyRunsForWronglyTypedValues() {
        assertThat(validate("{\"prompt\":\"x\",\"num_images\":7}").ok()).isTrue();
        assertThat(validate("{\"prompt\":\"x\",\"num_images\":5.0}").errors()).containsExactly(
                "num_images should be <class 'int'> type, not <class 'float'>.",
                "num_images does not meet the constraints.");
        assertThatThrownBy(() -> validate("{\"prompt\":\"x\",\"num_images\":\"2\"}"))
                .isInstanceOf(WorkerInputValidator.PythonError.class)
                .hasMessage("'>' not supported between instances of 'int' and 'str'");
    }
}
