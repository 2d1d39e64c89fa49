package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Two runs side by side: the same figures for each, and how the second differs from the first. */
public final class Comparison {

    private Comparison() {
    }

    /** One compared figure, already formatted; {@code change} is "" when either side has no figure. */
    public record Metric(String label, String first, String second, String change) {
    }

    public static List<Metric> metrics(RunAnalysis a, RunAnalysis b) {
        List<Metric> rows = new ArrayList<>();
        count(rows, "rows", a, b, x -> (long) x.rows());
        count(rows, "images written", a, b, x -> (long) x.imagesWritten());
        money(rows, "estimated cost", a, b, x -> x.billing().totalCost());
        money(rows, "  execution", a, b, x -> x.billing().executionCost());
        money(rows, "  cold start", a, b, x -> x.billing().coldStartCost());
        money(rows, "  idle", a, b, x -> x.billing().idleCost());
        count(rows, "cold starts", a, b, x -> (long) x.billing().coldStarts());
        time(rows, "wall time", a, b, x -> x.run().wallMs() == 0 ? null : x.run().wallMs());
        rows.add(new Metric("images per minute", rate(a.imagesPerMinute()), rate(b.imagesPerMinute()),
                change(a.imagesPerMinute(), b.imagesPerMinute())));
        time(rows, "p50 queue wait", a, b, x -> x.delay().p(50));
        time(rows, "p95 queue wait", a, b, x -> x.delay().p(95));
        time(rows, "p50 execution", a, b, x -> x.execution().p(50));
        time(rows, "p95 execution", a, b, x -> x.execution().p(95));
        time(rows, "p95 end to end", a, b, x -> x.endToEnd().p(95));
        count(rows, "API calls", a, b, x -> x.api().total());
        count(rows, "429 answers", a, b, x -> x.api().rateLimited());
        return rows;
    }

    /** A fixed-width console table. */
    public static String table(RunAnalysis a, RunAnalysis b) {
        List<Metric> rows = metrics(a, b);
        int w1 = Math.max(a.run().runId().length(), rows.stream().mapToInt(m -> m.first().length()).max().orElse(0));
        int w2 = Math.max(b.run().runId().length(), rows.stream().mapToInt(m -> m.second().length()).max().orElse(0));
        String format = "  %-18s %" + w1 + "s  %" + w2 + "s  %s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, format, "", a.run().runId(),
                b.run().runId(), "change"));
        rows.forEach(m -> text.append(String.format(Locale.ROOT, format, m.label(), m.first(), m.second(),
                m.change())));
        return text.toString();
    }

    private static void count(List<Metric> rows, String label, RunAnalysis a, RunAnalysis b,
                              Function<RunAnalysis, Long> figure) {
        Long x = figure.apply(a);
        Long y = figure.apply(b);
        rows.add(new Metric(label, String.valueOf(x), String.valueOf(y), change(x, y)));
    }

    private static void time(List<Metric> rows, String label, RunAnalysis a, RunAnalysis b,
                             Function<RunAnalysis, Long> figure) {
        Long x = figure.apply(a);
        Long y = figure.apply(b);
        rows.add(new Metric(label, x == null ? "-" : Figures.duration(x), y == null ? "-" : Figures.duration(y),
                x == null || y == null ? "" : change(x, y)));
    }

    private static void money(List<Metric> rows, String label, RunAnalysis a, RunAnalysis b,
                              Function<RunAnalysis, BigDecimal> figure) {
        BigDecimal x = figure.apply(a);
        BigDecimal y = figure.apply(b);
        rows.add(new Metric(label, Figures.usd(x), Figures.usd(y), change(x.doubleValue(), y.doubleValue())));
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** "+12%" / "-3%" / "0%"; "new" when the first is zero and the second is not. */
    static String change(double first, double second) {
        if (first == 0) {
            return second == 0 ? "0%" : "new";
        }
        long percent = Math.round((second - first) * 100 / first);
        return (percent > 0 ? "+" : "") + percent + "%";
    }
}
