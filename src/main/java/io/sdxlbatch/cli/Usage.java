package io.sdxlbatch.cli;

import java.io.PrintStream;

/** Prints --help. */
public final class Usage {

    private Usage() {
    }

    public static void print(PrintStream out, CommandSpec only) {
        out.println("sdxl-batch: a CSV of prompts in, images out, on a Runpod Serverless SDXL endpoint");
        out.println();
        out.println("usage: ./run.sh [command] [--option value]... [--spring.property=value]...");
        for (CommandSpec command : Commands.ALL) {
            if (only != null && only != command) {
                continue;
            }
            out.println();
            out.println("  " + command.name() + ": " + command.summary());
            for (OptionSpec option : command.options()) {
                String left = "--" + option.name() + (option.takesValue() ? " " + option.valueLabel() : "");
                out.printf("    %-28s %s%n", left, option.help());
            }
        }
        out.println();
        out.println("environment: RUNPOD_API_KEY, RUNPOD_ENDPOINT_ID (neither set: embedded simulator),"
                + " RUNPOD_BASE_URL");
        out.println("durations: 500ms, 30s, 5m, 2h");
        out.println("exit codes: 0 done; 1 stopped before finishing (re-run to resume); 2 usage or configuration"
                + " error, nothing submitted; 3 finished, some prompts rejected or failed (see the report)");
    }
}
