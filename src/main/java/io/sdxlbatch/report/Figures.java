package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How the report writes figures in sentences: dollars, durations and shares, the same everywhere. */
public final class Figures {

    private Figures() {
    }

    /** $0.0123 under a dollar (cents would round most nights to nothing), $12.34 above. */
    public static String usd(BigDecimal amount) {
        int scale = amount.abs().compareTo(BigDecimal.ONE) < 0 ? 4 : 2;
        return (amount.signum() < 0 ? "-$" : "$") + amount.abs().setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** 850 ms, 41 s, 12.5 min, 3.2 h: one unit, the one a person would say. */
    public static String duration(long ms) {
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 100_000) {
            return trim(ms / 1_000.0) + " s";
        }
        if (ms < 6_000_000) {
            return trim(ms / 60_000.0) + " min";
        }
        return trim(ms / 3_600_000.0) + " h";
    }

    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String trim(double value) {
        return value >= 10 ? String.valueOf(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }
}
