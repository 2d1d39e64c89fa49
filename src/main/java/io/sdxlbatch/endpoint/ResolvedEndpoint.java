package io.sdxlbatch.endpoint;

import java.util.Map;

import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.runpod.RunpodSettings;
import io.sdxlbatch.sim.RunpodSimulator;
import io.sdxlbatch.sim.SimulatorSettings;

/**
 * The endpoint a run talks to: the user's Runpod endpoint when RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID are set, or an
 * embedded simulator on a free loopback port when neither is. One without the other is a configuration error,
 * raised before anything is sent. Closing it stops the embedded simulator.
 */
public final class ResolvedEndpoint implements AutoCloseable {

    /** Demo pace for the embedded simulator: a 6-15 s image takes 0.6-1.5 s, timings still reported in real ms. */
    static final String DEFAULT_TIME_SCALE = "10";

    private final RunpodSettings settings;
    private final RunpodSimulator simulator;

    private ResolvedEndpoint(RunpodSettings settings, RunpodSimulator simulator) {
        this.settings = settings;
        this.simulator = simulator;
    }

    public static ResolvedEndpoint resolve(RunpodSettings settings, Map<String, String> simulatorOptions) {
        requireBothOrNeither(settings);
        if (settings.apiKey() != null) {
            return new ResolvedEndpoint(settings, null);
        }
        return new ResolvedEndpoint(null, startSimulator(settings, simulatorOptions));
    }

    /** @throws UsageException when only one of the API key and the endpoint id is set */
    public static void requireBothOrNeither(RunpodSettings settings) {
        boolean key = settings.apiKey() != null;
        boolean endpoint = settings.endpointId() != null;
        if (key && !endpoint) {
            throw new UsageException("RUNPOD_API_KEY is set but RUNPOD_ENDPOINT_ID is not: set both to use Runpod,"
                    + " or neither to use the embedded simulator");
        }
        if (endpoint && !key) {
            throw new UsageException("RUNPOD_ENDPOINT_ID is set but RUNPOD_API_KEY is not: set both to use Runpod,"
                    + " or neither to use the embedded simulator");
        }
    }

    private static RunpodSimulator startSimulator(RunpodSettings settings, Map<String, String> options) {
        Map<String, String> withDefaults = new java.util.HashMap<>(options);
        withDefaults.putIfAbsent("time-scale", DEFAULT_TIME_SCALE);
        // A fresh seed per start: the simulator derives job ids from it, and a resumed run must never meet a new
        // job under an id its ledger already holds from the previous (dead) simulator.
        withDefaults.putIfAbsent("seed", String.valueOf(new java.security.SecureRandom().nextInt(Integer.MAX_VALUE)));
        SimulatorSettings simSettings;
        try {
            simSettings = SimulatorSettings.fromOptions(withDefaults);
        } catch (IllegalArgumentException e) {
            throw new UsageException("sdxl.simulator: " + e.getMessage());
        }
        return RunpodSimulator.start(simSettings);
    }

    /** Client settings pointing at the real endpoint or at the embedded simulator. */
    public RunpodSettings clientSettings(RunpodSettings configured) {
        if (simulator == null) {
            return settings;
        }
        return configured.withTarget(simulator.baseUrl(), simulator.endpointId(), simulator.apiKey());
    }

    /** What estimates from history are keyed by: the endpoint id, or one name for every embedded simulator. */
    public String key() {
        return keyOf(simulator == null ? settings.endpointId() : null);
    }

    /** The history key for an endpoint id, or for the embedded simulator when the id is null. */
    public static String keyOf(String endpointId) {
        return endpointId == null ? "embedded-simulator" : endpointId;
    }

    /** The endpoint's /health address: where the preflight asks, and what its messages name. */
    public String healthUrl() {
        return simulator == null ? settings.baseUrl() + "/" + settings.endpointId() + "/health"
                : simulator.baseUrl() + "/" + simulator.endpointId() + "/health";
    }

    /** The endpoint id the client talks to (the simulator's own when embedded). */
    public String endpointId() {
        return simulator == null ? settings.endpointId() : simulator.endpointId();
    }

    public boolean simulated() {
        return simulator != null;
    }

    /** For the console and the report: where the images come from. */
    public String describe() {
        if (simulator == null) {
            return "Runpod endpoint " + settings.endpointId() + " at " + settings.baseUrl();
        }
        return "EMBEDDED SIMULATOR at " + simulator.baseUrl() + " (no RUNPOD_API_KEY set: nothing is sent to Runpod,"
                + " images are simulated)";
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
