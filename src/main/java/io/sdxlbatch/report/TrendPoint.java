package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.time.Instant;

/** One earlier (or this) run of the same prompts file, for the trend across nights. Nulls: no figure. */
public record TrendPoint(String runId, Instant startedAt, int images, BigDecimal cost, Long p95DelayMs,
                         Long p95EndToEndMs, boolean current) {
}
