package io.sdxlbatch.report;

import io.sdxlbatch.cost.JobBill;
import io.sdxlbatch.ledger.LedgerEntry;

/**
 * One prompt row as the report shows it: the ledger's record plus times on the endpoint's clock (epoch ms, null
 * when unknown) and its share of the bill (null when it never ran).
 */
public record JobRow(LedgerEntry entry, Long submittedAt, Long startedAt, Long completedAt, Long harvestedAt,
                     JobBill bill) {

    /** Submission to result persisted here. */
    public Long endToEndMs() {
        return submittedAt == null || harvestedAt == null ? null : harvestedAt - submittedAt;
    }

    /** Completion on the endpoint to result persisted here. */
    public Long harvestLatencyMs() {
        return completedAt == null || harvestedAt == null ? null : Math.max(0, harvestedAt - completedAt);
    }

    public String status() {
        return JobsCsvReport.status(entry.state());
    }
}
