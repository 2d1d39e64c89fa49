package io.sdxlbatch.cost;

import java.math.BigDecimal;

/**
 * What one job cost: its execution plus, when it woke a worker, that worker's estimated cold start. Idle time is
 * billed per worker, not per job, so it is only in {@link Billing}'s totals.
 *
 * @param coldStartMs estimated boot time this job waited for (0 when it found a warm worker)
 */
public record JobBill(int line, String workerId, long submittedAt, long startedAt, long endedAt, boolean coldStart,
                      long coldStartMs, BigDecimal cost) {
}
