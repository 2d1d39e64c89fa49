package io.sdxlbatch.report;

import java.util.List;
import java.util.Locale;

/** Two runs side by side on the console: the comparison page's figures, as a fixed-width table. */
public final class Comparison {

    private Comparison() {
    }

    public static String table(RunAnalysis a, RunAnalysis b) {
        List<String[]> rows = ComparisonSection.FIGURES.stream().map(f -> {
            Object x = f.value().apply(a);
            Object y = f.value().apply(b);
            return new String[] {f.name(), ComparisonSection.format(f.kind(), x),
                ComparisonSection.format(f.kind(), y), ComparisonSection.delta(f.kind(), x, y)};
        }).toList();
        int w0 = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int w1 = Math.max(a.run().runId().length(), rows.stream().mapToInt(r -> r[1].length()).max().orElse(0));
        int w2 = Math.max(b.run().runId().length(), rows.stream().mapToInt(r -> r[2].length()).max().orElse(0));
        String format = "  %-" + w0 + "s  %" + w1 + "s  %" + w2 + "s  %s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, format, "", a.run().runId(),
                b.run().runId(), "change"));
        rows.forEach(r -> text.append(String.format(Locale.ROOT, format, (Object[]) r)));
        return text.toString();
    }
}
