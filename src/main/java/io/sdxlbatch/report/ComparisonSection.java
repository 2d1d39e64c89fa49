package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/**
 * Two runs side by side: every headline figure for each, the change from the first to the second (with percent),
 * and both cost bars. Stateless.
 */
final class ComparisonSection {

    /** How a figure is written, which also decides how its change is written. */
    enum Kind { COUNT, USD, MS, RATE }

    /** Which way a change is good news, so the page can colour it. */
    enum Better { LOWER, HIGHER, NEITHER }

    /** One row of the comparison: a figure read from a run, null when the run has none. */
    record Figure(String name, Kind kind, Better better, Function<RunAnalysis, Object> value) {
    }

    static final List<Figure> FIGURES = List.of(
            new Figure("Rows", Kind.COUNT, Better.NEITHER, RunAnalysis::rows),
            new Figure("Images written", Kind.COUNT, Better.HIGHER, RunAnalysis::imagesWritten),
            new Figure("Estimated cost", Kind.USD, Better.LOWER, a -> a.billing().totalCost()),
            new Figure("… execution", Kind.USD, Better.LOWER, a -> a.billing().executionCost()),
            new Figure("… cold start", Kind.USD, Better.LOWER, a -> a.billing().coldStartCost()),
            new Figure("… idle", Kind.USD, Better.LOWER, a -> a.billing().idleCost()),
            new Figure("Wall time", Kind.MS, Better.LOWER, a -> a.run().wallMs()),
            new Figure("Images per minute", Kind.RATE, Better.HIGHER, RunAnalysis::imagesPerMinute),
            new Figure("Delay p50", Kind.MS, Better.LOWER, a -> a.delay().p(50)),
            new Figure("Delay p95", Kind.MS, Better.LOWER, a -> a.delay().p(95)),
            new Figure("Execution p50", Kind.MS, Better.LOWER, a -> a.execution().p(50)),
            new Figure("Execution p95", Kind.MS, Better.LOWER, a -> a.execution().p(95)),
            new Figure("End-to-end p50", Kind.MS, Better.LOWER, a -> a.endToEnd().p(50)),
            new Figure("End-to-end p95", Kind.MS, Better.LOWER, a -> a.endToEnd().p(95)),
            new Figure("Cold starts", Kind.COUNT, Better.LOWER, a -> a.billing().coldStarts()),
            new Figure("API calls", Kind.COUNT, Better.LOWER, a -> a.api().recorded() ? a.api().total() : null),
            new Figure("Rate-limited (429)", Kind.COUNT, Better.LOWER,
                    a -> a.api().recorded() ? a.api().rateLimited() : null));

    private ComparisonSection() {
    }

    static String render(RunAnalysis a, RunAnalysis b) {
        StringBuilder out = new StringBuilder("<section id=\"comparison\" class=\"card\"><p class=\"kicker\">")
                .append("sdxl-batch run comparison</p><h1><span class=\"tag\">A</span> ")
                .append(Html.esc(a.run().runId())).append(" → <span class=\"tag\">B</span> ")
                .append(Html.esc(b.run().runId())).append("</h1><p class=\"sub\">Change is B against A, green where ")
                .append("it is for the better. All times are on each endpoint's clock.</p>");
        out.append("<div class=\"table-wrap\"><table class=\"comparison stack\"><thead><tr><th>Figure</th>")
                .append("<th class=\"num\"><span class=\"tag\">A</span> ").append(Html.esc(a.run().runId()))
                .append("</th><th class=\"num\"><span class=\"tag\">B</span> ").append(Html.esc(b.run().runId()))
                .append("</th>")
                .append("<th class=\"num\">Change</th></tr></thead><tbody>");
        for (Figure f : FIGURES) {
            Object va = f.value().apply(a);
            Object vb = f.value().apply(b);
            out.append("<tr><th>").append(f.name()).append("</th><td class=\"num\" data-label=\"A\">")
                    .append(format(f.kind(), va)).append("</td><td class=\"num\" data-label=\"B\">")
                    .append(format(f.kind(), vb)).append("</td><td class=\"num delta")
                    .append(verdict(f.better(), va, vb)).append("\" data-label=\"change\">")
                    .append(delta(f.kind(), va, vb)).append("</td></tr>");
        }
        out.append("</tbody></table></div><div class=\"pair inner\">").append(bar("A", a)).append(bar("B", b))
                .append("</div>").append(CostSection.legend()).append("</section>");
        return out.toString();
    }

    private static String bar(String tag, RunAnalysis a) {
        return "<div><h3><span class=\"tag\">" + tag + "</span> " + Html.esc(a.run().runId()) + ": "
                + Html.usd(a.billing().totalCost()) + "</h3>" + SvgCostBar.render(a.billing()) + "</div>";
    }

    /** " better", " worse" or nothing: the CSS class of a change. */
    static String verdict(Better better, Object a, Object b) {
        if (better == Better.NEITHER || a == null || b == null) {
            return "";
        }
        int sign = decimal(b).compareTo(decimal(a)) * (better == Better.HIGHER ? 1 : -1);
        return sign > 0 ? " better" : sign < 0 ? " worse" : "";
    }

    static String format(Kind kind, Object value) {
        if (value == null) {
            return Html.NONE;
        }
        BigDecimal v = decimal(value);
        return switch (kind) {
            case COUNT -> Html.count(v.longValue());
            case USD -> Html.usd(v);
            case MS -> Html.duration(v.longValue());
            case RATE -> Html.f("%.1f", v.doubleValue());
        };
    }

    /** b minus a in the figure's unit, signed, then the change in percent of a (none when a is zero). */
    static String delta(Kind kind, Object a, Object b) {
        if (a == null || b == null) {
            return Html.NONE;
        }
        BigDecimal from = decimal(a);
        BigDecimal diff = decimal(b).subtract(from);
        if (diff.signum() == 0) {
            return "no change";
        }
        String sign = diff.signum() > 0 ? "+" : "";
        String change = sign + format(kind, diff);
        if (from.signum() == 0) {
            return change;
        }
        double percent = diff.divide(from.abs(), 6, RoundingMode.HALF_UP).doubleValue() * 100;
        return change + Html.f(" (%+.1f%%)", percent);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
