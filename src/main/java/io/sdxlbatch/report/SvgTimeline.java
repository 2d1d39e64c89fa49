package io.sdxlbatch.report;

import java.util.List;

import io.sdxlbatch.cost.JobBill;
import io.sdxlbatch.cost.WorkerSession;

/**
 * Every job of a run on one time axis, one lane per worker: queue wait as a thin grey line, an estimated cold start
 * as a hatched orange block, execution as a bar (blue, red when the row failed), and each worker's billed idle tail
 * in light grey. It stays legible and bounded with 10,000 jobs: bars are thin, lanes shrink to fit a fixed height,
 * there is no per-job text, and tooltips are left out above {@link #TOOLTIP_LIMIT} jobs. Stateless.
 */
final class SvgTimeline {

    static final int TOOLTIP_LIMIT = 2_000;
    private static final int LABEL_WIDTH = 100;
    private static final int MAX_LANES_HEIGHT = 640;
    private static final int TOP = 4;
    private static final int AXIS_HEIGHT = 26;

    private SvgTimeline() {
    }

    static String render(RunAnalysis a) {
        TimelineLanes lanes = TimelineLanes.of(a.jobs(), a.billing().sessions());
        if (lanes.isEmpty()) {
            return "<p class=\"empty\">No job ran on the endpoint.</p>";
        }
        long origin = a.run().firstSubmitAt() == null ? lanes.earliest() : a.run().firstSubmitAt().toEpochMilli();
        long from = Math.min(origin, lanes.earliest());
        long to = Math.max(lanes.latest(), from + 1);
        Frame frame = new Frame(from, to, laneHeight(lanes.lanes().size()), lanes.jobs() <= TOOLTIP_LIMIT);
        int height = TOP + frame.laneHeight * lanes.lanes().size() + AXIS_HEIGHT;
        double axisTop = TOP + frame.laneHeight * lanes.lanes().size();

        long step = Axis.timeStep(to - from, 12);
        List<Axis.Tick> ticks = Axis.ticks(from - origin, to - origin, step, t -> frame.x(origin + (long) t),
                t -> Axis.timeLabel(Math.round(t), step));
        StringBuilder backgrounds = new StringBuilder();
        StringBuilder plot = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        int every = (int) Math.ceil(13.0 / frame.laneHeight);
        for (int i = 0; i < lanes.lanes().size(); i++) {
            TimelineLanes.Lane lane = lanes.lanes().get(i);
            double top = TOP + i * frame.laneHeight;
            if (i % 2 == 1) {
                backgrounds.append("<rect class=\"lane\" x=\"0\" width=\"100%\" y=\"").append(Html.px(top))
                        .append("\" height=\"").append(frame.laneHeight).append("\"/>");
            }
            if (i % every == 0) {
                labels.append(laneLabel(lane, top + frame.laneHeight / 2.0, to - from));
            }
            lane(plot, lane, top, frame);
        }
        // grid lines between the lane backgrounds and the bars, so they never cut through a job
        String drawing = backgrounds + ChartFrame.xAxis(ticks, TOP, axisTop, axisTop + 17) + plot;
        return ChartFrame.of("timeline", LABEL_WIDTH, height, labels.toString(), drawing,
                "Timeline of " + lanes.jobs() + " jobs on " + lanes.lanes().size() + " lanes");
    }

    /** Lanes shrink as workers grow so the chart stays under a screen high, but never below 6 px. */
    static int laneHeight(int lanes) {
        return Math.max(6, Math.min(34, MAX_LANES_HEIGHT / Math.max(1, lanes)));
    }

    private static void lane(StringBuilder plot, TimelineLanes.Lane lane, double top, Frame f) {
        double barY = top + f.laneHeight * 0.3;
        String bar = Html.f("\" y=\"%s\" height=\"%s\"", Html.px(barY), Html.px(f.laneHeight * 0.55));
        // the whole session from its first job to its stop, under the job bars: what shows between and after
        // them is the idle time Runpod bills
        for (WorkerSession s : lane.sessions()) {
            plot.append("<rect class=\"idle\" x=\"").append(f.xs(s.firstStartAt())).append("\" width=\"")
                    .append(f.ws(s.firstStartAt(), s.stoppedAt())).append(bar).append("/>");
        }
        String waitY = Html.px(top + f.laneHeight * 0.15);
        for (JobRow job : lane.jobs()) {
            JobBill b = job.bill();
            if (b.startedAt() > b.submittedAt()) {
                plot.append("<line class=\"wait\" x1=\"").append(f.xs(b.submittedAt())).append("\" x2=\"")
                        .append(f.xs(b.startedAt())).append("\" y1=\"").append(waitY).append("\" y2=\"")
                        .append(waitY).append("\"/>");
            }
            if (b.coldStart() && b.coldStartMs() > 0) {
                plot.append("<rect class=\"cold\" x=\"").append(f.xs(b.startedAt() - b.coldStartMs()))
                        .append("\" width=\"").append(f.ws(b.startedAt() - b.coldStartMs(), b.startedAt()))
                        .append(bar).append("/>");
            }
            boolean ok = "COMPLETED".equals(job.status());
            plot.append("<rect class=\"exec").append(ok ? "" : " failed").append("\" x=\"")
                    .append(f.xs(b.startedAt())).append("\" width=\"").append(f.ws(b.startedAt(), b.endedAt()))
                    .append(bar);
            plot.append(f.tooltips ? "><title>" + Html.esc(tooltip(job)) + "</title></rect>" : "/>");
        }
    }

    private static String tooltip(JobRow job) {
        JobBill b = job.bill();
        return "line " + job.entry().line() + " · " + job.entry().promptId() + " · " + job.status()
                + "\nqueue wait " + Html.duration(b.startedAt() - b.submittedAt())
                + (b.coldStart() ? " (cold start " + Html.duration(b.coldStartMs()) + ")" : "")
                + "\nexecution " + Html.duration(b.endedAt() - b.startedAt());
    }

    private static String laneLabel(TimelineLanes.Lane lane, double centre, long span) {
        String busy = Html.percent((double) lane.busyMs() / span);
        return "<text x=\"" + (LABEL_WIDTH - 8) + "\" y=\"" + Html.px(centre + 4) + "\" text-anchor=\"end\">"
                + Html.esc(Html.shorten(lane.worker(), 13)) + "<title>" + Html.esc(lane.worker()) + ": "
                + lane.jobs().size() + " jobs, busy " + busy + " of the chart</title></text>";
    }

    /** Legend for the timeline's marks, as HTML so it wraps on a phone. */
    static String legend() {
        return "<ul class=\"legend\"><li><i class=\"sw wait\"></i>queue wait</li>"
                + "<li><i class=\"sw cold\"></i>cold start (estimated)</li>"
                + "<li><i class=\"sw exec\"></i>execution</li><li><i class=\"sw failed\"></i>failed row</li>"
                + "<li><i class=\"sw idle\"></i>idle until the worker stops (billed)</li></ul>";
    }

    /** Maps endpoint-clock ms onto percent of the plot's width. */
    private record Frame(long from, long to, int laneHeight, boolean tooltips) {

        double x(long at) {
            return (at - from) * 100.0 / (to - from);
        }

        String xs(long at) {
            return Html.pct(x(at));
        }

        String ws(long start, long end) {
            return Html.pct(Math.max(0, x(end) - x(start)));
        }
    }
}
