package io.sdxlbatch.report;

import java.util.List;
import java.util.stream.Collectors;

/** Rows that gave no image, grouped by status and reason, with the CSV lines to look at. Stateless. */
final class FailureSection {

    /** More lines than this are in jobs.csv; the page only needs enough to start looking. */
    static final int LINES_SHOWN = 20;

    private FailureSection() {
    }

    static String render(List<FailureGroup> failures) {
        StringBuilder out = new StringBuilder("<section id=\"failures\" class=\"card\"><h2>Failures</h2>");
        if (failures.isEmpty()) {
            return out.append("<p class=\"empty good\">No failures.</p></section>").toString();
        }
        int rows = failures.stream().mapToInt(f -> f.lines().size()).sum();
        out.append("<p class=\"lead\">").append(Html.count(rows)).append(rows == 1 ? " row" : " rows")
                .append(" gave no image, for ").append(failures.size()).append(failures.size() == 1 ? " reason." :
                        " reasons.").append("</p><div class=\"table-wrap\"><table class=\"failures stack\"><thead><tr>")
                .append("<th>Status</th><th>Reason</th><th class=\"num\">Rows</th><th>CSV lines</th></tr></thead>")
                .append("<tbody>");
        for (FailureGroup f : failures) {
            out.append("<tr><td><span class=\"status bad\">").append(Html.esc(f.status()))
                    .append("</span></td><td class=\"reason\">").append(Html.esc(f.reason()))
                    .append("</td><td class=\"num count\" data-unit=\"").append(f.lines().size() == 1 ? "row" : "rows")
                    .append("\">")
                    .append(Html.count(f.lines().size())).append("</td><td class=\"lines\" data-label=\"CSV lines\">")
                    .append(lines(f.lines())).append("</td></tr>");
        }
        return out.append("</tbody></table></div></section>").toString();
    }

    static String lines(List<Integer> lines) {
        String shown = lines.stream().limit(LINES_SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
        return lines.size() > LINES_SHOWN ? shown + ", …" : shown;
    }
}
