package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * Tick spacing for the report's charts, computed from the range so labels never crowd: steps of 1, 2, 2.5 or 5
 * times a power of ten for figures, and clock-friendly steps (15 s, 30 s, 5 min...) for time. Every other tick is
 * marked odd so a narrow screen can hide it and keep the labels apart. Stateless.
 */
final class Axis {

    /** One tick: its coordinate (percent of the width for x, pixels for y), its label, and whether it is odd. */
    record Tick(double at, String label, boolean odd) {
    }

    private static final double[] NICE = {1, 2, 2.5, 5, 10};
    private static final long[] TIME_STEPS = {100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000,
        120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
        86_400_000};

    private Axis() {
    }

    /** The smallest nice step that cuts {@code range} into at most {@code maxSteps} steps. */
    static double niceStep(double range, int maxSteps) {
        double raw = Math.max(range, 1e-9) / maxSteps;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double n : NICE) {
            if (n * magnitude >= raw * (1 - 1e-9)) {
                return n * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A nice step in whole milliseconds. */
    static long niceStepMs(double rangeMs, int maxSteps) {
        return Math.max(1, Math.round(niceStep(rangeMs, maxSteps)));
    }

    /** A step a clock reader expects (no 2.5 minutes) that cuts {@code rangeMs} into at most {@code maxSteps}. */
    static long timeStep(long rangeMs, int maxSteps) {
        for (long step : TIME_STEPS) {
            if (rangeMs <= step * maxSteps) {
                return step;
            }
        }
        long day = TIME_STEPS[TIME_STEPS.length - 1];
        return day * (long) Math.ceil((double) rangeMs / maxSteps / day);
    }

    /** Elapsed time in the unit the step is counted in: "90 s", "25 min", "3 h". */
    static String timeLabel(long ms, long step) {
        if (step < 1_000) {
            return seconds(ms);
        }
        if (step < 60_000) {
            return ms / 1000 + " s";
        }
        if (step < 3_600_000) {
            return ms / 60_000 + " min";
        }
        return ms / 3_600_000 + " h";
    }

    /** Milliseconds as seconds without trailing zeros: 2500 is "2.5 s", 10000 is "10 s". */
    static String seconds(double ms) {
        return BigDecimal.valueOf(Math.round(ms), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Ticks at whole multiples of {@code step} from {@code lo} to {@code hi}, placed by {@code position}. */
    static List<Tick> ticks(double lo, double hi, double step, DoubleUnaryOperator position,
                            DoubleFunction<String> label) {
        List<Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        for (long i = first; i * step <= hi + step * 1e-9; i++) {
            double value = i * step;
            ticks.add(new Tick(position.applyAsDouble(value), label.apply(value), i % 2 != 0));
        }
        return ticks;
    }
}
