package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

    @Test
    void defaultsMatchRunpodsEndpointDefaults() {
        SimulatorSettings defaults = SimulatorSettings.defaults();
        assertThat(defaults.endpointId()).isEqualTo("sim-sdxl");
        assertThat(defaults.workers()).isEqualTo(3);
        assertThat(defaults.coldStartMs()).isEqualTo(new MsRange(10_000, 45_000));
        assertThat(defaults.retentionMs()).isEqualTo(1_800_000);
        assertThat(defaults.effectiveQueueCap()).isEqualTo(1500);
        assertThat(defaults.toString()).doesNotContain("sim-key");
    }

    @Test
    void fromOptionsAppliesKebabCaseKnobs() {
        SimulatorSettings settings = SimulatorSettings.fromOptions(Map.of("workers", "5", "time-scale", "100",
                "cold-start-ms", "1000-2000", "execution-ms", "500", "fault-5xx", "0.25", "fault-slow-ms", "300",
                "rate-purge-queue", "7", "api-key", "other"));
        assertThat(settings.workers()).isEqualTo(5);
        assertThat(settings.timeScale()).isEqualTo(100);
        assertThat(settings.coldStartMs()).isEqualTo(new MsRange(1000, 2000));
        assertThat(settings.executionMs()).isEqualTo(MsRange.of(500));
        assertThat(settings.faults().http5xx()).isEqualTo(0.25);
        assertThat(settings.faults().slowMs()).isEqualTo(300);
        assertThat(settings.rateLimits().purgeQueue()).isEqualTo(7);
        assertThat(settings.apiKey()).isEqualTo("other");
    }

    @Test
    void unknownOrMalformedOptionsNameTheOptionAndValue() {
        assertThatThrownBy(() -> SimulatorSettings.fromOptions(Map.of("wrokers", "3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrokers");
        assertThatThrownBy(() -> SimulatorSettings.fromOptions(Map.of("workers", "three")))
                .hasMessageContaining("workers").hasMessageContaining("three");
        assertThatThrownBy(() -> SimulatorSettings.fromOptions(Map.of("cold-start-ms", "45000-10000")))
                .hasMessageContaining("cold-start-ms").hasMessageContaining("45000-10000");
        assertThatThrownBy(() -> SimulatorSettings.fromOptions(Map.of("fault-drop", "1.5")))
                .hasMessageContaining("fault-drop").hasMessageContaining("1.5");
    }

    @Test
    void canonicalConstructorNamesTheKnob() {
        assertThatThrownBy(() -> SimulatorSettings.defaults().withWorkers(0)).hasMessageContaining("workers");
        assertThatThrownBy(() -> SimulatorSettings.defaults().withTimeScale(0)).hasMessageContaining("time-scale");
        assertThatThrownBy(() -> FaultSettings.none().withCorrupt(-0.1)).hasMessageContaining("fault-corrupt");
    }

    @Test
    void simulateCommandReturnsTwoForBadOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SimulateCommand.run(Map.of("port", "-1"), new PrintStream(out));
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("port");
    }

    @Test
    void bannerShowsBaseUrlEndpointKeyAndACurlExample() {
        try (RunpodSimulator simulator = RunpodSimulator.start(SimulatorSettings.defaults())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SimulateCommand.printBanner(simulator, new PrintStream(out));
            assertThat(out.toString()).contains(simulator.baseUrl().toString(), "sim-sdxl", "sim-key",
                    "curl -s -X POST " + simulator.baseUrl() + "/sim-sdxl/run");
        }
    }
}
