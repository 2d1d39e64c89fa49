package io.sdxlbatch.report;

import java.util.List;

/**
 * How this run compares with the earlier runs of the same prompts file: cost and p95 end-to-end per run as small
 * line charts, and the figures as a table. Needs two runs; with one it says so. Stateless.
 */
final class TrendSection {

    static final String NO_TREND = "No earlier runs of this prompts file in the job repository yet.";

    private TrendSection() {
    }

    static String render(List<TrendPoint> trend) {
        StringBuilder out = new StringBuilder("<section id=\"trend\" class=\"card\"><h2>Trend</h2>");
        if (trend.size() < 2) {
            return out.append("<p class=\"empty\">").append(NO_TREND).append("</p></section>").toString();
        }
        out.append("<p class=\"sub\">The runs of this prompts file in start order; this run is the large dot.</p>")
                .append("<div class=\"pair inner\"><div><h3>Estimated cost per run</h3>")
                .append(SvgTrend.money(trend, TrendPoint::cost, "Estimated cost per run"))
                .append("</div><div><h3>p95 end-to-end per run</h3>")
                .append(SvgTrend.duration(trend, TrendPoint::p95EndToEndMs, "p95 end-to-end per run"))
                .append("</div></div>");
        out.append("<div class=\"table-wrap\"><table class=\"trend-table stack\"><thead><tr><th>Run</th>")
                .append("<th>Started</th><th class=\"num\">Images</th><th class=\"num\">Cost</th>")
                .append("<th class=\"num\">p95 delay</th><th class=\"num\">p95 end-to-end</th></tr></thead><tbody>");
        for (TrendPoint p : trend) {
            out.append(p.current() ? "<tr class=\"current\">" : "<tr>").append("<th>").append(Html.esc(p.runId()))
                    .append(p.current() ? " <span class=\"badge\">this run</span>" : "").append("</th>")
                    .append("<td class=\"wide\" data-label=\"started\">").append(Html.when(p.startedAt()))
                    .append("</td><td class=\"num\" data-label=\"images\">").append(Html.count(p.images()))
                    .append("</td><td class=\"num\" data-label=\"cost\">").append(Html.usd(p.cost()))
                    .append("</td><td class=\"num\" data-label=\"p95 delay\">").append(Html.duration(p.p95DelayMs()))
                    .append("</td><td class=\"num\" data-label=\"p95 end-to-end\">")
                    .append(Html.duration(p.p95EndToEndMs())).append("</td></tr>");
        }
        return out.append("</tbody></table></div></section>").toString();
    }
}
