package io.sdxlbatch.run;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.DoubleAdder;

import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.cost.EstimateHistory;
import io.sdxlbatch.cost.WorkEstimate;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.prompts.PromptRow;
import io.sdxlbatch.prompts.PromptScan;
import io.sdxlbatch.prompts.PromptValidator;
import io.sdxlbatch.prompts.RejectsCsv;

/**
 * {@code --dry-run}: checks every row, estimates GPU time and cost, writes the rejects, and sends nothing: no
 * endpoint is contacted and no simulator is started. Exit 0 when every row is valid, 3 otherwise.
 */
final class DryRun {

    private static final int REASONS_SHOWN = 10;

    private DryRun() {
    }

    static ExitCode run(RunOptions options, PromptValidator validator, Price price, String endpointKey,
                        PrintStream out) {
        Optional<EstimateHistory.Measured> history = EstimateHistory.of(options.outputDir(), endpointKey);
        WorkEstimate estimate = history.map(h -> new WorkEstimate(h.referenceSeconds()))
                .orElse(WorkEstimate.typical());
        DoubleAdder seconds = new DoubleAdder();
        PromptScan scan = PromptScan.of(options.promptsFile(), validator,
                row -> seconds.add(estimate.seconds(row.input())));
        out.println("dry run of " + options.promptsFile() + ": nothing is sent");
        out.printf("  rows %d, valid %d, rejected %d, images to generate %d%n", scan.rows(), scan.valid(),
                scan.rejected().size(), scan.images());
        scan.unknownColumns().forEach(c -> out.println("  unknown column " + c + ": ignored"));
        printRejects(options, scan, out);
        printEstimate(seconds.sum(), history, price, endpointKey, out);
        return scan.rejected().isEmpty() ? ExitCode.SUCCESS : ExitCode.SOME_FAILED;
    }

    private static void printRejects(RunOptions options, PromptScan scan, PrintStream out) {
        if (scan.rejected().isEmpty()) {
            return;
        }
        scan.rejected().stream().limit(REASONS_SHOWN).map(PromptRow::problems)
                .forEach(problems -> out.println("  " + String.join("; ", problems)));
        if (scan.rejected().size() > REASONS_SHOWN) {
            out.println("  ... and " + (scan.rejected().size() - REASONS_SHOWN) + " more");
        }
        java.nio.file.Path file = RunFolders.of(options.outputDir(), options.runId()).report().resolve("rejects.csv");
        RejectsCsv.write(file, scan.header(), scan.rejected().stream().map(RejectsCsv::of).toList());
        out.println("  rejected rows written to " + file + " (fix them there and run that file)");
    }

    private static void printEstimate(double seconds, Optional<EstimateHistory.Measured> history, Price price,
                                      String endpointKey, PrintStream out) {
        String basis = history.map(h -> "measured: " + h.images() + " earlier images on " + endpointKey
                        + ", median " + round(h.referenceSeconds()) + " s per 1024x1024 image")
                .orElse("typical figure, not measured on your endpoint: ~"
                        + (int) WorkEstimate.TYPICAL_REFERENCE_SECONDS
                        + " s per 1024x1024 image at default steps on a 4090 (Runpod quotes 6-15 s)");
        BigDecimal cost = price.perSecond().multiply(BigDecimal.valueOf(seconds));
        out.printf("  estimated GPU execution: %s s (%s)%n", round(seconds), basis);
        out.printf("  estimated cost: $%s at %s, execution only; every worker start adds a 10-45 s cold start and"
                + " %s s of idle time, also billed%n", cost.setScale(4, java.math.RoundingMode.HALF_UP),
                price.describe(), 5);
    }

    private static String round(double value) {
        return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
