package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How the report writes dollars, durations and shares: the same on the page, in hints and on the console. */
public final class Figures {

    private Figures() {
    }

    /** $0.0123 under a dollar, where a run's cents matter (most nights would round to nothing), $12.34 above. */
    public static String usd(BigDecimal amount) {
        int scale = amount.abs().compareTo(BigDecimal.ONE) < 0 ? 4 : 2;
        return (amount.signum() < 0 ? "-$" : "$") + amount.abs().setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** A duration in the unit a person reads at a glance: 350 ms, 12.3 s, 3 min 05 s, 2 h 07 min. */
    public static String duration(long ms) {
        long abs = Math.abs(ms);
        String sign = ms < 0 ? "-" : "";
        if (abs < 1_000) {
            return sign + abs + " ms";
        }
        if (abs < 60_000) {
            return sign + String.format(Locale.ROOT, "%.1f s", abs / 1000.0);
        }
        long seconds = Math.round(abs / 1000.0);
        if (seconds < 3600) {
            return sign + String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        long minutes = Math.round(abs / 60_000.0);
        return sign + String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

}
