package io.sdxlbatch.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Applies CLI options (kebab-case name to text value) to {@link SimulatorSettings}; the table of knobs
 * lives here so the README and {@code --help} can list it. Stateless and thread-safe.
 */
final class SimulatorOptions {

    private static final Map<String, BiFunction<SimulatorSettings, String, SimulatorSettings>> KNOBS = knobs();

    private SimulatorOptions() {
    }

    static SimulatorSettings apply(SimulatorSettings base, Map<String, String> options) {
        SimulatorSettings settings = base;
        for (Map.Entry<String, String> option : options.entrySet()) {
            var knob = KNOBS.get(option.getKey());
            if (knob == null) {
                throw new IllegalArgumentException("unknown option '" + option.getKey() + "' (value '"
                        + option.getValue() + "'); known options: " + String.join(", ", KNOBS.keySet()));
            }
            settings = applyOne(settings, option.getKey(), option.getValue(), knob);
        }
        return settings;
    }

    /** Names of all options, in documentation order. */
    static Iterable<String> names() {
        return KNOBS.keySet();
    }

    private static SimulatorSettings applyOne(SimulatorSettings settings, String name, String value,
            BiFunction<SimulatorSettings, String, SimulatorSettings> knob) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("option '" + name + "' needs a value");
        }
        try {
            return knob.apply(settings, value.trim());
        } catch (IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException too: both get the option named.
            throw new IllegalArgumentException("invalid value '" + value + "' for option '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, BiFunction<SimulatorSettings, String, SimulatorSettings>> knobs() {
        Map<String, BiFunction<SimulatorSettings, String, SimulatorSettings>> k = new LinkedHashMap<>();
        k.put("port", (s, v) -> s.withPort(Integer.parseInt(v)));
        k.put("endpoint-id", SimulatorSettings::withEndpointId);
        k.put("api-key", SimulatorSettings::withApiKey);
        k.put("workers", (s, v) -> s.withWorkers(Integer.parseInt(v)));
        k.put("time-scale", (s, v) -> s.withTimeScale(Double.parseDouble(v)));
        k.put("cold-start-ms", (s, v) -> range(v, s::withColdStartMs));
        k.put("execution-ms", (s, v) -> range(v, s::withExecutionMs));
        k.put("idle-timeout-ms", (s, v) -> s.withIdleTimeoutMs(Long.parseLong(v)));
        k.put("retention-ms", (s, v) -> s.withRetentionMs(Long.parseLong(v)));
        k.put("runsync-retention-ms", (s, v) -> s.withRunsyncRetentionMs(Long.parseLong(v)));
        k.put("queue-cap", (s, v) -> s.withQueueCap(Integer.parseInt(v)));
        k.put("seed", (s, v) -> s.withSeed(Long.parseLong(v)));
        k.put("image-grain", (s, v) -> s.withImageGrain(Integer.parseInt(v)));
        rateKnobs(k);
        faultKnobs(k);
        return k;
    }

    private static void rateKnobs(Map<String, BiFunction<SimulatorSettings, String, SimulatorSettings>> k) {
        k.put("rate-window-ms", (s, v) -> s.withRateLimits(s.rateLimits().withWindowMs(Long.parseLong(v))));
        k.put("rate-run", (s, v) -> s.withRateLimits(s.rateLimits().withRun(Integer.parseInt(v))));
        k.put("rate-status", (s, v) -> s.withRateLimits(s.rateLimits().withRunsyncStatus(Integer.parseInt(v))));
        k.put("rate-cancel", (s, v) -> s.withRateLimits(s.rateLimits().withCancel(Integer.parseInt(v))));
        k.put("rate-retry", (s, v) -> s.withRateLimits(s.rateLimits().withRetry(Integer.parseInt(v))));
        k.put("rate-purge-queue", (s, v) -> s.withRateLimits(s.rateLimits().withPurgeQueue(Integer.parseInt(v))));
        k.put("rate-health", (s, v) -> s.withRateLimits(s.rateLimits().withHealth(Integer.parseInt(v))));
    }

    private static void faultKnobs(Map<String, BiFunction<SimulatorSettings, String, SimulatorSettings>> k) {
        k.put("fault-429", (s, v) -> s.withFaults(s.faults().withHttp429(Double.parseDouble(v))));
        k.put("fault-5xx", (s, v) -> s.withFaults(s.faults().withHttp5xx(Double.parseDouble(v))));
        k.put("fault-drop", (s, v) -> s.withFaults(s.faults().withDrop(Double.parseDouble(v))));
        k.put("fault-drop-after-accept",
                (s, v) -> s.withFaults(s.faults().withDropAfterAccept(Double.parseDouble(v))));
        k.put("fault-slow", (s, v) -> s.withFaults(s.faults().withSlow(Double.parseDouble(v), s.faults().slowMs())));
        k.put("fault-slow-ms", (s, v) -> s.withFaults(s.faults().withSlow(s.faults().slow(), Long.parseLong(v))));
        k.put("fault-worker-failure", (s, v) -> s.withFaults(s.faults().withWorkerFailure(Double.parseDouble(v))));
        k.put("fault-no-output", (s, v) -> s.withFaults(s.faults().withNoOutput(Double.parseDouble(v))));
        k.put("fault-corrupt", (s, v) -> s.withFaults(s.faults().withCorrupt(Double.parseDouble(v))));
    }

    private interface RangeWither {
        SimulatorSettings with(long min, long max);
    }

    private static SimulatorSettings range(String text, RangeWither wither) {
        MsRange range = MsRange.parse(text);
        return wither.with(range.minMs(), range.maxMs());
    }
}
