package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The top of report.html: which run this is, and the figures a person looks at first (images, cost, wall time,
 * throughput, p95 end-to-end, cold starts, API calls) as cards, then the rows by status. Stateless.
 */
final class HeadlineSection {

    private HeadlineSection() {
    }

    static String render(RunAnalysis a) {
        RunInfo run = a.run();
        StringBuilder out = new StringBuilder("<section id=\"headline\" class=\"card headline\">");
        out.append("<p class=\"kicker\">sdxl-batch run report</p><h1>").append(Html.esc(run.runId())).append("</h1>");
        out.append("<dl class=\"meta\"><div><dt>Prompts</dt><dd>").append(Html.esc(run.promptsFile()))
                .append("</dd></div><div><dt>Endpoint</dt><dd>").append(Html.esc(run.endpoint()));
        // a simulator in its own process is not "simulated" (nothing ends with the run) but its clock still runs fast
        boolean stretched = run.simulated() || run.timeScale() != 1;
        if (stretched) {
            out.append(" <span class=\"badge\">").append(run.simulated() ? "simulated, " : "").append("time ×")
                    .append(scale(run.timeScale())).append("</span>");
        }
        out.append("</dd></div><div><dt>Generated</dt><dd>").append(Html.when(run.generatedAt()))
                .append("</dd></div></dl><p class=\"note\">All times are on the endpoint's clock")
                .append(stretched ? ", stretched by the simulator's time scale." : ".").append("</p>");
        out.append("<div class=\"figures\">");
        out.append(figure("images", "Images written", Html.count(a.imagesWritten()),
                "from <b data-figure=\"rows\">" + Html.count(a.rows()) + "</b> rows"));
        out.append(figure("cost", "Estimated cost", Html.usd(a.billing().totalCost()),
                Html.duration(a.billing().billedMs()) + " of billed worker time"));
        out.append(figure("cost-per-image", "Cost per image", perImage(a), "estimated cost / images written"));
        out.append(figure("wall", "Wall time", Html.duration(run.wallMs()), "first submission to last result"));
        out.append(figure("ipm", "Images per minute", Html.f("%.1f", a.imagesPerMinute()), "over the wall time"));
        out.append(figure("p95-e2e", "p95 end-to-end", Html.duration(a.endToEnd().p(95)),
                "p50 " + Html.duration(a.endToEnd().p(50)) + ", submission to image"));
        out.append(figure("cold-starts", "Cold starts", Html.count(a.billing().coldStarts()),
                Html.duration(a.billing().coldStartMs()) + " booting, estimated"));
        out.append(a.api().recorded() ? figure("api-calls", "API calls", Html.count(a.api().total()), apiDetail(a))
                : figure("api-calls", "API calls", Html.NONE, "not recorded for this run"));
        out.append("</div>").append(statuses(a.statusCounts())).append(nav()).append("</section>");
        return out.toString();
    }

    private static String figure(String key, String name, String value, String detail) {
        return "<div class=\"figure\"><div class=\"name\">" + name + "</div><div class=\"value\" data-figure=\"" + key
                + "\">" + value + "</div><div class=\"detail\">" + detail + "</div></div>";
    }

    private static String perImage(RunAnalysis a) {
        if (a.imagesWritten() == 0) {
            return Html.NONE;
        }
        BigDecimal each = a.billing().totalCost().divide(BigDecimal.valueOf(a.imagesWritten()), 6,
                RoundingMode.HALF_UP);
        return Html.usd(each);
    }

    private static String apiDetail(RunAnalysis a) {
        String perImage = a.imagesWritten() == 0 ? "" : Html.f("%.2f per image · ",
                (double) a.api().total() / a.imagesWritten());
        return perImage + Html.count(a.api().retries()) + " retries · " + Html.count(a.api().rateLimited())
                + " rate-limited (429)";
    }

    private static String statuses(Map<String, Integer> counts) {
        StringBuilder out = new StringBuilder("<ul class=\"statuses\">");
        counts.forEach((status, n) -> out.append("<li class=\"status ")
                .append("COMPLETED".equals(status) ? "ok" : "bad").append("\" data-status=\"").append(Html.esc(status))
                .append("\">").append(Html.esc(status)).append(" <b>").append(Html.count(n)).append("</b></li>"));
        return out.append("</ul>").toString();
    }

    private static String nav() {
        return "<nav class=\"toc\"><a href=\"#hints\">Hints</a><a href=\"#failures\">Failures</a>"
                + "<a href=\"#cost\">Cost</a><a href=\"#timeline\">Timeline</a><a href=\"#delay-histogram\">Timings</a>"
                + "<a href=\"#trend\">Trend</a><a href=\"#thumbnails\">Images</a><a href=\"#jobs\">Files</a></nav>";
    }

    private static String scale(double timeScale) {
        return timeScale == Math.rint(timeScale) ? Html.f("%.0f", timeScale) : Html.f("%s", timeScale);
    }
}
