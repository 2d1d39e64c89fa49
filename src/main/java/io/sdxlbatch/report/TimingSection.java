package io.sdxlbatch.report;

import java.util.Map;

/**
 * How long jobs waited and ran: histograms of Runpod's delay and execution figures side by side, then the
 * percentiles of delay, execution, end-to-end and harvest latency in one table. Stateless.
 */
final class TimingSection {

    private static final String[] COLUMNS = {"min", "p50", "p90", "p95", "p99", "max"};

    private TimingSection() {
    }

    static String render(RunAnalysis a) {
        return "<div class=\"pair\">"
                + histogram("delay-histogram", "Delay (queue + cold start)", "Runpod's delayTime: from accepting a job to "
                + "a worker taking it, cold starts included.", a.delay())
                + histogram("execution-histogram", "Execution", "Runpod's executionTime: the worker generating the "
                + "images.", a.execution())
                + "</div>" + percentiles(a);
    }

    private static String histogram(String id, String title, String about, Distribution d) {
        return "<section id=\"" + id + "\" class=\"card\"><h2>" + title + "</h2><p class=\"sub\">" + about
                + " Jobs per bin; the dashed lines mark p50 and p95.</p>"
                + SvgHistogram.render(d, title + " histogram") + "</section>";
    }

    private static String percentiles(RunAnalysis a) {
        StringBuilder out = new StringBuilder("<section id=\"percentiles\" class=\"card\"><h2>Percentiles</h2>"
                + "<div class=\"table-wrap\"><table class=\"percentiles stack\"><thead><tr><th>Figure</th>"
                + "<th class=\"num\">jobs</th>");
        for (String c : COLUMNS) {
            out.append("<th class=\"num\">").append(c).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        row(out, "Delay (queue + cold start)", a.delay());
        row(out, "Execution", a.execution());
        row(out, "End-to-end", a.endToEnd());
        row(out, "Harvest latency", a.harvestLatency());
        return out.append("</tbody></table></div><p class=\"note\">End-to-end: our submission to its result "
                + "stored here. Harvest latency: the job finishing on Runpod to us having its result.</p></section>")
                .toString();
    }

    private static void row(StringBuilder out, String name, Distribution d) {
        Map<String, Long> p = d.percentiles();
        out.append("<tr><th>").append(name).append("</th><td class=\"num jobs\">")
                .append(d.isEmpty() ? "0" : Html.count(p.get("count"))).append("</td>");
        for (String c : COLUMNS) {
            out.append("<td class=\"num\" data-label=\"").append(c).append("\">").append(Html.duration(p.get(c)))
                    .append("</td>");
        }
        out.append("</tr>");
    }
}
