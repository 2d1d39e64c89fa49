package io.sdxlbatch.report;

import java.util.List;

/**
 * A histogram of millisecond figures as an inline SVG: about twenty bins of a nice width, seconds on x, counts on
 * y, with the p50 and p95 marked on two label rows so their labels cannot collide. Stateless.
 */
final class SvgHistogram {

    /** Nice bin widths give between half this and this many bins: about twenty. */
    static final int TARGET_BINS = 26;
    private static final long MIN_SPAN_MS = 1_000;
    private static final int HEIGHT = 210;
    private static final int TOP = 36;
    private static final int BOTTOM = 180;

    private SvgHistogram() {
    }

    static String render(Distribution d, String label) {
        if (d.isEmpty()) {
            return "<p class=\"empty\">No figures in this run.</p>";
        }
        List<Long> values = d.sorted();
        long min = values.get(0);
        long max = values.get(values.size() - 1);
        // at least a second wide, so a run where every job took the same time still gets a readable axis
        long span = Math.max(max - min, MIN_SPAN_MS);
        long width = Axis.niceStepMs(span, TARGET_BINS);
        long start = Math.floorDiv(min, width) * width;
        int[] counts = new int[(int) Math.max((max - start) / width + 1, Math.ceil((double) span / width))];
        values.forEach(v -> counts[(int) ((v - start) / width)]++);
        long end = start + counts.length * width;
        Scale x = new Scale(start, end);

        int highest = 0;
        for (int c : counts) {
            highest = Math.max(highest, c);
        }
        double countStep = Math.max(1, Axis.niceStep(highest, 4));
        double top = Math.ceil(highest / countStep) * countStep;
        List<Axis.Tick> yTicks = Axis.ticks(0, top, countStep, c -> BOTTOM - c / top * (BOTTOM - TOP),
                c -> Html.count(Math.round(c)));
        List<Axis.Tick> xTicks = Axis.ticks(start, end, Axis.niceStepMs(end - start, 10), x::at, Axis::seconds);

        StringBuilder plot = new StringBuilder(ChartFrame.hGrid(yTicks));
        plot.append(ChartFrame.xAxis(xTicks, BOTTOM, BOTTOM + 4, BOTTOM + 18));
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double h = counts[i] / top * (BOTTOM - TOP);
            long from = start + i * width;
            plot.append(Html.f("<rect class=\"bin\" x=\"%s\" width=\"%s\" y=\"%s\" height=\"%s\">"
                            + "<title>%s to %s: %s</title></rect>", Html.pct(x.at(from)),
                    Html.pct(x.at(from + width) - x.at(from)), Html.px(BOTTOM - h), Html.px(h),
                    Axis.seconds(from), Axis.seconds(from + width), Html.count(counts[i])));
        }
        plot.append("<line class=\"baseline\" x1=\"0\" x2=\"100%\" y1=\"").append(BOTTOM).append("\" y2=\"")
                .append(BOTTOM).append("\"/>");
        plot.append(marker("p50", d.p(50), x, 12)).append(marker("p95", d.p(95), x, 28));
        int axis = ChartFrame.axisWidth(yTicks);
        return ChartFrame.of("histogram", axis, HEIGHT, ChartFrame.yLabels(yTicks, axis), plot.toString(), label);
    }

    /** A dashed line at the percentile with its label on its own row, turned inward near the right edge. */
    private static String marker(String name, long value, Scale x, int labelY) {
        double at = x.at(value);
        boolean right = at > 60;
        return Html.f("<line class=\"marker %s\" x1=\"%s\" x2=\"%s\" y1=\"%d\" y2=\"%d\"/>"
                        + "<text class=\"marker-label %s\" x=\"%s\" y=\"%d\" dx=\"%d\" text-anchor=\"%s\">%s %s</text>",
                name, Html.pct(at), Html.pct(at), labelY + 4, BOTTOM, name, Html.pct(at), labelY, right ? -4 : 4,
                right ? "end" : "start", name, Html.duration(value));
    }

    /** Maps a figure in ms onto 0..100 percent of the plot's width. */
    record Scale(double lo, double hi) {
        double at(double value) {
            return hi == lo ? 0 : (value - lo) / (hi - lo) * 100;
        }
    }
}
