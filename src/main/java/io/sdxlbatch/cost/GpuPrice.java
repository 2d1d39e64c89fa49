package io.sdxlbatch.cost;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Runpod's published flex prices per worker-second by GPU class (docs, 2026-06). ADA_24 (RTX 4090) is the SDXL
 * worker's hub default. Billing runs per second per worker from start to stop: cold start + execution + idle.
 */
public enum GpuPrice {
    AMPERE_16("16 GB (A4000)", "0.00016"),
    AMPERE_24("24 GB (L4, A5000, 3090)", "0.00019"),
    ADA_24("24 GB PRO (4090)", "0.00031"),
    AMPERE_48("48 GB (A6000, A40)", "0.00034"),
    ADA_48_PRO("48 GB PRO (L40, L40S, 6000 Ada)", "0.00053"),
    AMPERE_80("80 GB (A100)", "0.00076"),
    ADA_80_PRO("80 GB PRO (H100)", "0.00116"),
    HOPPER_141("141 GB (H200)", "0.00155");

    private final String label;
    private final BigDecimal perSecond;

    GpuPrice(String label, String perSecond) {
        this.label = label;
        this.perSecond = new BigDecimal(perSecond);
    }

    public String label() {
        return label;
    }

    public BigDecimal perSecond() {
        return perSecond;
    }

    public static GpuPrice byName(String name) {
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown GPU class '" + name + "'; one of "
                        + Arrays.stream(values()).map(GpuPrice::name)
                        .collect(Collectors.joining(", "))));
    }
}
