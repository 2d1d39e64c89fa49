package io.sdxlbatch.sim;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone until the JVM is asked to stop: prints where it listens and a curl example.
 * One instance per process; the shutdown hook closes the server.
 */
public final class SimulateCommand {

    static final int EXIT_BAD_OPTIONS = 2;

    private SimulateCommand() {
    }

    /** Starts, prints, blocks until shutdown; returns 2 for bad options, 0 after a clean stop. */
    public static int run(Map<String, String> options, PrintStream out) {
        SimulatorSettings settings;
        try {
            settings = SimulatorSettings.fromOptions(options);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return EXIT_BAD_OPTIONS;
        }
        RunpodSimulator simulator = RunpodSimulator.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "runpod-sim-shutdown"));
        printBanner(simulator, out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            simulator.close();
        }
        return 0;
    }

    static void printBanner(RunpodSimulator simulator, PrintStream out) {
        String endpoint = simulator.baseUrl() + "/" + simulator.endpointId();
        out.println("Runpod Serverless simulator (worker-sdxl 2.1.0) listening");
        out.println("  base URL    : " + simulator.baseUrl());
        out.println("  endpoint id : " + simulator.endpointId());
        out.println("  API key     : " + simulator.apiKey() + "   (a local fake key, not a Runpod secret)");
        out.println("  settings    : " + simulator.settings());
        out.println("Try:");
        out.println("  curl -s -X POST " + endpoint + "/run -H 'Authorization: Bearer " + simulator.apiKey()
                + "' -H 'Content-Type: application/json' -d '{\"input\":{\"prompt\":\"a red fox in snow\","
                + "\"width\":512,\"height\":512}}'");
        out.println("  curl -s " + endpoint + "/status/JOB_ID -H 'Authorization: Bearer " + simulator.apiKey() + "'");
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}
