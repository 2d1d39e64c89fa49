package io.sdxlbatch.report;

import java.math.BigDecimal;

import io.sdxlbatch.cost.Billing;
import io.sdxlbatch.cost.Price;

/**
 * Where the money went: billed time split into execution, cold start and idle, as a table and a stacked bar, with
 * the price assumed and how the estimate is made. Stateless.
 */
final class CostSection {

    static final String MODEL = "Runpod bills each worker per second from start to stop: cold start + execution + "
            + "idle timeout after its last job. Cold starts are inferred (a worker id seen for the first time, or a "
            + "worker that had been idle longer than the idle timeout) and are estimates.";

    private CostSection() {
    }

    static String render(Billing billing, Price price) {
        StringBuilder out = new StringBuilder("<section id=\"cost\" class=\"card\"><h2>Cost</h2>");
        out.append("<p class=\"lead\">Estimated <b>").append(Html.usd(billing.totalCost())).append("</b> for ")
                .append(Html.duration(billing.billedMs())).append(" of billed worker time.</p>");
        out.append(SvgCostBar.render(billing)).append(billing.billedMs() == 0 ? "" : legend());
        out.append("<div class=\"table-wrap\"><table class=\"cost-table\"><thead><tr><th>Part</th>")
                .append("<th class=\"num\">Time</th><th class=\"num\">Share<span class=\"long\"> of billed</span></th>")
                .append("<th class=\"num\">Cost</th></tr></thead><tbody>");
        row(out, "exec", "Execution", billing.executionMs(), billing.executionCost(), billing);
        row(out, "cold", "Cold start (" + billing.coldStarts() + ")", billing.coldStartMs(), billing.coldStartCost(),
                billing);
        row(out, "idle", "Idle", billing.idleMs(), billing.idleCost(), billing);
        out.append("</tbody><tfoot><tr><th>Total billed</th><td class=\"num\">")
                .append(Html.duration(billing.billedMs())).append("</td><td class=\"num\">")
                .append(billing.billedMs() == 0 ? Html.NONE : "100.0%").append("</td><td class=\"num total\">")
                .append(Html.usd(billing.totalCost())).append("</td></tr></tfoot></table></div>");
        out.append("<dl class=\"facts\"><div><dt>Price</dt><dd>").append(Html.esc(price.describe()))
                .append("</dd></div><div><dt>Idle timeout</dt><dd>").append(Html.duration(billing.idleTimeoutMs()))
                .append("</dd></div></dl><p class=\"note\">").append(MODEL).append("</p></section>");
        return out.toString();
    }

    private static void row(StringBuilder out, String cls, String name, long ms, BigDecimal cost, Billing billing) {
        out.append("<tr><th><i class=\"sw ").append(cls).append("\"></i>").append(name)
                .append("</th><td class=\"num\">").append(Html.duration(ms)).append("</td><td class=\"num\">")
                .append(Html.percent(billing.share(ms))).append("</td><td class=\"num\">").append(Html.usd(cost))
                .append("</td></tr>");
    }

    static String legend() {
        return "<ul class=\"legend\"><li><i class=\"sw exec\"></i>execution</li>"
                + "<li><i class=\"sw cold\"></i>cold start (estimated)</li><li><i class=\"sw idle\"></i>idle</li></ul>";
    }
}
