package io.sdxlbatch.report;

import java.util.List;

/**
 * The frame every chart in report.html shares: a fixed-width SVG column of labels beside a plot SVG that takes the
 * rest of the width. The plot has no viewBox: its x coordinates are percentages and its y coordinates pixels, so
 * the chart stretches to any screen while its text stays at its real size. Stateless.
 */
final class ChartFrame {

    private ChartFrame() {
    }

    /** A chart block: {@code axis} is the label column's SVG content, {@code plot} the plot's. */
    static String of(String cssClass, int axisWidth, int height, String axis, String plot, String label) {
        return "<div class=\"chart " + cssClass + "\" style=\"grid-template-columns:" + axisWidth + "px 1fr\">"
                + "<svg class=\"axis\" width=\"" + axisWidth + "\" height=\"" + height + "\" aria-hidden=\"true\">"
                + axis + "</svg>"
                + "<svg class=\"plot\" width=\"100%\" height=\"" + height + "\" role=\"img\" aria-label=\""
                + Html.esc(label) + "\">" + plot + "</svg></div>";
    }

    /** A label column wide enough for the longest label at 11 px, so no label runs off the card. */
    static int axisWidth(List<Axis.Tick> ticks) {
        int longest = ticks.stream().mapToInt(t -> t.label().length()).max().orElse(1);
        return Math.max(36, (int) Math.ceil(longest * 6.5) + 12);
    }

    /** Right-aligned y labels at each tick's pixel height. */
    static String yLabels(List<Axis.Tick> ticks, int axisWidth) {
        StringBuilder out = new StringBuilder();
        for (Axis.Tick t : ticks) {
            out.append("<text x=\"").append(axisWidth - 6).append("\" y=\"").append(Html.px(t.at() + 4))
                    .append("\" text-anchor=\"end\">").append(Html.esc(t.label())).append("</text>");
        }
        return out.toString();
    }

    /** Horizontal grid lines across the plot at each y tick. */
    static String hGrid(List<Axis.Tick> ticks) {
        StringBuilder out = new StringBuilder();
        for (Axis.Tick t : ticks) {
            out.append("<line class=\"grid\" x1=\"0\" x2=\"100%\" y1=\"").append(Html.px(t.at())).append("\" y2=\"")
                    .append(Html.px(t.at())).append("\"/>");
        }
        return out.toString();
    }

    /** Vertical grid lines from {@code top} to {@code bottom} and the x labels under them at {@code labelY}. */
    static String xAxis(List<Axis.Tick> ticks, double top, double bottom, double labelY) {
        StringBuilder out = new StringBuilder();
        for (Axis.Tick t : ticks) {
            String x = Html.pct(t.at());
            String odd = t.odd() ? " odd" : "";
            out.append("<line class=\"grid").append(odd).append("\" x1=\"").append(x).append("\" x2=\"").append(x)
                    .append("\" y1=\"").append(Html.px(top)).append("\" y2=\"").append(Html.px(bottom))
                    .append("\"/><text class=\"tick").append(odd).append("\" x=\"").append(x).append("\" y=\"")
                    .append(Html.px(labelY)).append("\" text-anchor=\"middle\">").append(Html.esc(t.label()))
                    .append("</text>");
        }
        return out.toString();
    }
}
