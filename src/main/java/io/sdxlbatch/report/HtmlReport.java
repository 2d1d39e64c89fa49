package io.sdxlbatch.report;

import java.util.List;

/**
 * report/report.html: one self-contained page (inline CSS and SVG, thumbnails as data URIs, no script, nothing
 * fetched) with a run's headline figures, tuning hints, failures, cost, timeline, timings, trend and images; and
 * the page comparing two runs. Every piece of user text is escaped. Stateless and thread-safe.
 */
public final class HtmlReport {

    static final String NO_HINTS = "No tuning hints: nothing in the figures calls for a change.";

    private HtmlReport() {
    }

    /**
     * @param thumbnails  the images to show, already embedded
     * @param imagesTotal how many images the run wrote, so the page can say when it shows only some
     */
    public static String render(RunAnalysis a, List<Thumbnail> thumbnails, int imagesTotal) {
        String body = HeadlineSection.render(a)
                + hints(a.hints())
                + FailureSection.render(a.failures())
                + CostSection.render(a.billing(), a.price())
                + timeline(a)
                + TimingSection.render(a)
                + TrendSection.render(a.trend())
                + ThumbnailSection.render(thumbnails, imagesTotal)
                + files();
        return ReportPage.of("Run " + a.run().runId() + " · sdxl-batch", body);
    }

    /** Run {@code b} against run {@code a}: figures side by side with the change, and both cost bars. */
    public static String renderComparison(RunAnalysis a, RunAnalysis b) {
        return ReportPage.of(a.run().runId() + " vs " + b.run().runId() + " · sdxl-batch",
                ComparisonSection.render(a, b));
    }

    private static String hints(List<Hint> hints) {
        StringBuilder out = new StringBuilder("<section id=\"hints\" class=\"card\"><h2>Tuning hints</h2>");
        if (hints.isEmpty()) {
            return out.append("<p class=\"empty good\">").append(NO_HINTS).append("</p></section>").toString();
        }
        out.append("<ul class=\"hints\">");
        for (Hint h : hints) {
            out.append("<li><p class=\"advice\">").append(Html.esc(h.advice())).append("</p><p class=\"evidence\">")
                    .append(Html.esc(h.evidence())).append("</p></li>");
        }
        return out.append("</ul></section>").toString();
    }

    private static String timeline(RunAnalysis a) {
        long jobs = a.jobs().stream().filter(j -> j.bill() != null).count();
        String head = "<section id=\"timeline\" class=\"card\"><h2>Timeline</h2>";
        if (jobs == 0) {
            return head + SvgTimeline.render(a) + "</section>";
        }
        return head + "<p class=\"sub\">" + Html.count(jobs) + " jobs on the endpoint, one lane per worker, from the "
                + "first submission" + (jobs > SvgTimeline.TOOLTIP_LIMIT ? "." : "; hover a bar for its row.")
                + "</p>" + SvgTimeline.legend() + SvgTimeline.render(a) + "</section>";
    }

    private static String files() {
        return "<section id=\"jobs\" class=\"card\"><h2>Every row</h2><p>Each row's status, timings, worker and "
                + "images are in <a href=\"jobs.csv\">jobs.csv</a>; the figures of this page in "
                + "<a href=\"summary.json\">summary.json</a>, next to this file.</p></section>";
    }
}
