package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** worker-sdxl 2.1.0 validation and crash outcomes, in the exact shapes the real worker and SDK produce. */
class WorkerValidationTest {

    private RunpodSimulator simulator;
    private SimClient client;

    @BeforeEach
    void start() {
        simulator = RunpodSimulator.start(SimulatorSettings.defaults().withTimeScale(1000)
                .withRetentionMs(3_600_000));
        client = new SimClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private JsonNode finalOf(String input) throws Exception {
        return client.awaitFinal(client.submit(input));
    }

    @Test
    void unknownKeyFailsWithAListOfMessages() throws Exception {
        JsonNode done = finalOf("{\"prompt\":\"x\",\"row_id\":7}");
        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("error").isArray()).isTrue();
        assertThat(done.get("error").get(0).asString())
                .isEqualTo("Unexpected input. row_id is not a valid input option.");
        assertThat(done.has("output")).isFalse();
    }

    @Test
    void missingPromptFailsWithTheValidatorsSchemaMessage() throws Exception {
        JsonNode done = finalOf("{\"width\":512}");
        assertThat(done.get("error").toString()).isEqualTo("[\"Schema error, missing default value for prompt.\"]");
    }

    @Test
    void floatOrStringWhereAnIntIsExpectedFailsWithPythonTypeNames() throws Exception {
        JsonNode done = finalOf("{\"prompt\":\"x\",\"width\":1024.0,\"height\":\"1024\"}");
        assertThat(done.get("error").toString()).isEqualTo("[\"height should be <class 'int'> type, not <class "
                + "'str'>.\",\"width should be <class 'int'> type, not <class 'float'>.\"]");
    }

    @Test
    void integerWhereAFloatIsExpectedIsAccepted() throws Exception {
        JsonNode done = finalOf("{\"prompt\":\"x\",\"guidance_scale\":7,\"width\":64,\"height\":64}");
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void unknownSchedulerCrashesTheJobWithTheSdksJsonEncodedError() throws Exception {
        JsonNode done = finalOf("{\"prompt\":\"x\",\"scheduler\":\"EULER_A\"}");
        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        JsonNode error = SimClient.JSON.readTree(done.get("error").asString());
        assertThat(error.get("error_type").asString()).isEqualTo("<class 'KeyError'>");
        assertThat(error.get("error_message").asString()).isEqualTo("'EULER_A'");
        assertThat(error.get("error_traceback").asString()).startsWith("Traceback");
        assertThat(error.get("runpod_version").asString()).isEqualTo("1.7.9");
    }

    @Test
    void sizeNotDivisibleByEightFailsWithDiffusersMessageAsAPlainString() throws Exception {
        JsonNode done = finalOf("{\"prompt\":\"x\",\"width\":1000,\"height\":1020}");
        assertThat(done.get("error").isString()).isTrue();
        assertThat(done.get("error").asString()).isEqualTo(
                "Unexpected error: `height` and `width` have to be divisible by 8 but are 1020 and 1000.");
    }

    @Test
    void numImagesAboveTwoIsNotEnforcedByTheWorker() throws Exception {
        JsonNode done = finalOf("{\"prompt\":\"x\",\"num_images\":3,\"width\":32,\"height\":32}");
        assertThat(done.get("output").get("images")).hasSize(3);
    }
}
