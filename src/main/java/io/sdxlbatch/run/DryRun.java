package io.sdxlbatch.run;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Optional;

import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.cost.EstimateHistory;
import io.sdxlbatch.cost.Price;
import io.sdxlbatch.cost.WorkEstimate;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.prompts.PromptRow;
import io.sdxlbatch.prompts.PromptScan;
import io.sdxlbatch.prompts.RejectsCsv;

/**
 * {@code --dry-run}: estimates GPU time and cost of the valid rows and reports the scan; the run command has
 * already applied every check a real run applies. Nothing is sent: no endpoint is contacted, no simulator started,
 * no job database created. Exit 0 when every row is valid, 3 otherwise. Not thread-safe.
 */
final class DryRun {

    private static final int REASONS_SHOWN = 10;

    private final RunOptions options;
    private final Price price;
    private final String endpointKey;
    private final Optional<EstimateHistory.Measured> history;
    private final WorkEstimate estimate;
    private double seconds;

    private DryRun(RunOptions options, Price price, String endpointKey) {
        this.options = options;
        this.price = price;
        this.endpointKey = endpointKey;
        this.history = EstimateHistory.of(options.outputDir(), endpointKey);
        this.estimate = history.map(h -> new WorkEstimate(h.referenceSeconds())).orElse(WorkEstimate.typical());
    }

    static DryRun prepare(RunOptions options, Price price, String endpointKey) {
        return new DryRun(options, price, endpointKey);
    }

    /** Adds one valid row's estimated execution time. */
    void add(PromptRow row) {
        seconds += estimate.seconds(row.input());
    }

    ExitCode report(PromptScan scan, PrintStream out) {
        out.println("dry run of " + options.promptsFile() + ": nothing is sent");
        out.printf("  rows %d, valid %d, rejected %d, images to generate %d%n", scan.rows(), scan.valid(),
                scan.rejected().size(), scan.images());
        if (scan.rows() == 0) {
            out.println("  the file has a header but no rows");
        }
        printRejects(scan, out);
        printEstimate(out);
        return scan.rejected().isEmpty() ? ExitCode.SUCCESS : ExitCode.SOME_FAILED;
    }

    private void printRejects(PromptScan scan, PrintStream out) {
        if (scan.rejected().isEmpty()) {
            return;
        }
        scan.rejected().stream().limit(REASONS_SHOWN).map(PromptRow::problems)
                .forEach(problems -> out.println("  " + String.join("; ", problems)));
        if (scan.rejected().size() > REASONS_SHOWN) {
            out.println("  ... and " + (scan.rejected().size() - REASONS_SHOWN) + " more");
        }
        Path file = RunFolders.of(options.outputDir(), options.runId()).rejectsCsv();
        RejectsCsv.write(file, scan);
        out.println("  rejected rows written to " + file + " (fix them there and run that file)");
    }

    private void printEstimate(PrintStream out) {
        String basis = history.map(h -> "from " + h.images() + " earlier jobs on " + endpointKey
                        + ": median " + round(h.referenceSeconds()) + " s per 1024x1024 image")
                .orElse("typical figure, not measured on your endpoint: ~"
                        + (int) WorkEstimate.TYPICAL_REFERENCE_SECONDS
                        + " s per 1024x1024 image at default steps on a 4090 (Runpod quotes 6-15 s)");
        BigDecimal cost = price.perSecond().multiply(BigDecimal.valueOf(seconds));
        out.printf("  estimated GPU execution: %s s (%s)%n", round(seconds), basis);
        out.printf("  estimated cost: $%s at %s, execution only; every worker start adds a 10-45 s cold start and"
                + " 5 s of idle time, also billed%n", cost.setScale(4, RoundingMode.HALF_UP), price.describe());
    }

    private static String round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
