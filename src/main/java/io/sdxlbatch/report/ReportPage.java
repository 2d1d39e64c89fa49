package io.sdxlbatch.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTML5 document around a report: inline CSS (from report.css on the class path) and the SVG patterns every
 * chart shares. Nothing is loaded from elsewhere, so the file opens the same from a mail attachment or offline.
 */
final class ReportPage {

    private static final String CSS = load("report.css");

    /** Defined once per page and referenced by every chart: the hatch of estimated cold starts. */
    private static final String SHARED_DEFS = "<svg width=\"0\" height=\"0\" style=\"position:absolute\" "
            + "aria-hidden=\"true\" focusable=\"false\"><defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" "
            + "width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
            + "fill=\"#f59e0b\"/><rect width=\"2.5\" height=\"6\" fill=\"#fcd9a0\"/></pattern></defs></svg>";

    private ReportPage() {
    }

    /** A complete document; {@code title} is plain text, {@code body} HTML already escaped. */
    static String of(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"color-scheme\" content=\"light\">"
                + "<title>" + Html.esc(title) + "</title><style>" + CSS + "</style></head>\n<body>"
                + SHARED_DEFS + "<main>" + body + "</main>\n</body></html>\n";
    }

    private static String load(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
