package io.sdxlbatch.report;

import java.util.Locale;
import java.util.stream.Collectors;

import io.sdxlbatch.cost.Billing;

/** The report's headline in a few console lines, for the end of a run and the report command. */
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    public static String of(RunAnalysis a) {
        Billing b = a.billing();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "  %d images from %d rows in %s (%.1f images/min); %s%n",
                a.imagesWritten(), a.rows(), Figures.duration(a.run().wallMs()), a.imagesPerMinute(),
                a.statusCounts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))));
        text.append(String.format(Locale.ROOT, "  estimated cost %s: execution %s, cold start %s (%d cold starts),"
                        + " idle %s; %s%n", Figures.usd(b.totalCost()), Figures.usd(b.executionCost()),
                Figures.usd(b.coldStartCost()), b.coldStarts(), Figures.usd(b.idleCost()), a.price().describe()));
        text.append(String.format(Locale.ROOT, "  p95: delay %s, execution %s, end to end %s; %s",
                ms(a.delay().p(95)), ms(a.execution().p(95)), ms(a.endToEnd().p(95)), api(a)));
        for (Hint hint : a.hints()) {
            text.append(String.format("%n  hint: %s (%s)", hint.advice(), hint.evidence()));
        }
        return text.toString();
    }

    private static String api(RunAnalysis a) {
        if (!a.api().recorded()) {
            return "API calls not recorded";
        }
        // by path: /health is read twice a second whatever the run's size, /status is what grows with the images
        String byPath = a.api().sent().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "/" + e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String perImage = a.imagesWritten() == 0 ? "" : String.format(Locale.ROOT, "; %.2f /status per image",
                (double) a.api().sent().getOrDefault("status", 0L) / a.imagesWritten());
        return String.format(Locale.ROOT, "API calls %d (%s%s), %d rate-limited", a.api().total(), byPath, perImage,
                a.api().rateLimited());
    }

    private static String ms(Long value) {
        return value == null ? "-" : Figures.duration(value);
    }
}
