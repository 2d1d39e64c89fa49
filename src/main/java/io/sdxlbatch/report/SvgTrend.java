package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * A small line chart of one figure over the runs of a prompts file, in run order, the current run drawn larger and
 * labelled with its value. Runs without the figure leave a gap. Stateless.
 */
final class SvgTrend {

    private static final int HEIGHT = 170;
    private static final int TOP = 30;
    private static final int BOTTOM = 132;
    private static final int MAX_X_LABELS = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SvgTrend() {
    }

    /** Dollars, with axis steps of 1, 2, 2.5 or 5 cents, dimes or dollars. */
    static String money(List<TrendPoint> points, Function<TrendPoint, BigDecimal> figure, String title) {
        Function<TrendPoint, Double> value = p -> figure.apply(p) == null ? null : figure.apply(p).doubleValue();
        double step = Axis.niceStep(positiveMax(points, value), 4);
        return render(points, value, step, SvgTrend::dollars, v -> Html.usd(BigDecimal.valueOf(v)), title);
    }

    /** Milliseconds, with clock steps (30 s, 5 min...) so the axis reads "10 min", not "6 min 40 s". */
    static String duration(List<TrendPoint> points, Function<TrendPoint, Long> figure, String title) {
        Function<TrendPoint, Double> value = p -> figure.apply(p) == null ? null : figure.apply(p).doubleValue();
        long step = Axis.timeStep((long) positiveMax(points, value), 4);
        return render(points, value, step, v -> Axis.timeLabel(Math.round(v), step),
                v -> Html.duration(Math.round(v)), title);
    }

    private static String render(List<TrendPoint> points, Function<TrendPoint, Double> figure, double step,
                                 DoubleFunction<String> tick, DoubleFunction<String> label, String title) {
        int n = points.size();
        double top = Math.max(step, Math.ceil(positiveMax(points, figure) / step - 1e-9) * step);
        List<Axis.Tick> yTicks = Axis.ticks(0, top, step, v -> y(v, top), tick);
        StringBuilder plot = new StringBuilder(ChartFrame.hGrid(yTicks));
        int every = (int) Math.ceil((double) n / MAX_X_LABELS);
        Double previous = null;
        for (int i = 0; i < n; i++) {
            TrendPoint p = points.get(i);
            Double v = figure.apply(p);
            if (v != null && previous != null) {
                plot.append(Html.f("<line class=\"trend-line\" x1=\"%s\" x2=\"%s\" y1=\"%s\" y2=\"%s\"/>",
                        Html.pct(x(i - 1, n)), Html.pct(x(i, n)), Html.px(y(previous, top)), Html.px(y(v, top))));
            }
            previous = v;
            if ((n - 1 - i) % every == 0) {
                plot.append(Html.f("<text class=\"tick\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        Html.pct(x(i, n)), BOTTOM + 18, p.startedAt() == null ? "#" + (i + 1)
                                : DAY.format(p.startedAt())));
            }
        }
        for (int i = 0; i < n; i++) {
            point(plot, points.get(i), figure.apply(points.get(i)), x(i, n), top, label);
        }
        int axis = ChartFrame.axisWidth(yTicks);
        return ChartFrame.of("trend", axis, HEIGHT, ChartFrame.yLabels(yTicks, axis), plot.toString(), title);
    }

    private static void point(StringBuilder plot, TrendPoint p, Double v, double x, double top,
                              DoubleFunction<String> label) {
        if (v == null) {
            return;
        }
        String text = label.apply(v);
        plot.append(Html.f("<circle class=\"pt%s\" cx=\"%s\" cy=\"%s\" r=\"%d\"><title>%s · %s: %s</title></circle>",
                p.current() ? " current" : "", Html.pct(x), Html.px(y(v, top)), p.current() ? 5 : 3,
                Html.esc(p.runId()), Html.when(p.startedAt()), text));
        if (p.current()) {
            String anchor = x > 80 ? "end" : x < 20 ? "start" : "middle";
            plot.append(Html.f("<text class=\"value\" x=\"%s\" y=\"%s\" text-anchor=\"%s\">%s</text>", Html.pct(x),
                    Html.px(y(v, top) - 10), anchor, text));
        }
    }

    private static double positiveMax(List<TrendPoint> points, Function<TrendPoint, Double> figure) {
        double max = points.stream().map(figure).filter(v -> v != null).mapToDouble(Double::doubleValue).max()
                .orElse(0);
        return max > 0 ? max : 1;
    }

    /** An axis amount: at least cents, more digits only when the step needs them ("$0.025"). */
    private static String dollars(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return "$" + (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
    }

    /** Runs spread evenly, inset so the end labels fit. */
    private static double x(int i, int n) {
        return n == 1 ? 50 : 6 + 88.0 * i / (n - 1);
    }

    private static double y(double v, double top) {
        return BOTTOM - v / top * (BOTTOM - TOP);
    }
}
