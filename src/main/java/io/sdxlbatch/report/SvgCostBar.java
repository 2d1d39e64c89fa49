package io.sdxlbatch.report;

import java.math.BigDecimal;

import io.sdxlbatch.cost.Billing;

/**
 * The billed time of a run as one horizontal stacked bar: execution (blue), cold start (hatched orange) and idle
 * (light grey), each segment as wide as its share of billed time. Stateless.
 */
final class SvgCostBar {

    private static final int HEIGHT = 30;
    /** Narrower segments carry no label inside: on a phone the text would not fit. */
    private static final double LABEL_SHARE = 0.14;

    private SvgCostBar() {
    }

    static String render(Billing billing) {
        if (billing.billedMs() == 0) {
            return "<p class=\"empty\">Nothing was billed.</p>";
        }
        StringBuilder svg = new StringBuilder("<svg class=\"costbar\" width=\"100%\" height=\"" + HEIGHT
                + "\" role=\"img\" aria-label=\"Billed time: execution, cold start and idle\">");
        double at = 0;
        at = segment(svg, "exec", "Execution", billing.executionMs(), billing.executionCost(), billing, at);
        at = segment(svg, "cold", "Cold start", billing.coldStartMs(), billing.coldStartCost(), billing, at);
        segment(svg, "idle", "Idle", billing.idleMs(), billing.idleCost(), billing, at);
        return svg.append("</svg>").toString();
    }

    private static double segment(StringBuilder svg, String cls, String name, long ms, BigDecimal cost,
                                  Billing billing, double at) {
        double share = billing.share(ms);
        if (share <= 0) {
            return at;
        }
        double width = share * 100;
        svg.append(Html.f("<rect class=\"%s\" x=\"%s\" width=\"%s\" y=\"0\" height=\"%d\"><title>%s: %s, %s, %s"
                        + "</title></rect>", cls, Html.pct(at), Html.pct(width), HEIGHT, name, Html.duration(ms),
                Html.percent(share), Html.usd(cost)));
        if (share >= LABEL_SHARE) {
            svg.append(Html.f("<text class=\"on-%s\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>", cls,
                    Html.pct(at + width / 2), HEIGHT / 2 + 4, Html.percent(share)));
        }
        return at + width;
    }
}
