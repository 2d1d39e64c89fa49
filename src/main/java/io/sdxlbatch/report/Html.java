package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Escaping and number formatting for report.html. Every piece of text that came from a user (prompt ids, errors,
 * file names, run ids) goes through {@link #esc}; numbers use {@link Locale#ROOT} so a German machine writes the
 * same page as an American one. Stateless.
 */
final class Html {

    static final String NONE = "—";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Safe in element text and in double- or single-quoted attributes. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String usd(BigDecimal amount) {
        return amount == null ? NONE : Figures.usd(amount);
    }

    static String count(long n) {
        return f("%,d", n);
    }

    static String duration(Long ms) {
        return ms == null ? NONE : Figures.duration(ms);
    }

    /** 0..1 as a percentage with one decimal. */
    static String percent(double share) {
        return f("%.1f%%", share * 100);
    }

    static String when(Instant instant) {
        return instant == null ? NONE : WHEN.format(instant);
    }

    /** A coordinate or size in percent of the drawing's width, short enough for 10,000 bars. */
    static String pct(double value) {
        return f("%.3f%%", value);
    }

    /** An SVG user-unit coordinate with at most one decimal. */
    static String px(double value) {
        String s = f("%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Shortens a long label for a narrow column; the full text goes in a tooltip. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
