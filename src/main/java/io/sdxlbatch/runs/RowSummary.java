package io.sdxlbatch.runs;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;

/**
 * What a run's ledger rows say at a glance: rows by state, the jobs in flight, the latest error, and when its first
 * job was sent and its last result taken (epoch ms of this machine, null when none).
 */
record RowSummary(StateCounts counts, List<LedgerEntry> inFlight, Optional<LedgerEntry> lastError,
                  Long firstSubmittedAt, Long lastResultAt) {

    static RowSummary of(List<LedgerEntry> rows) {
        List<LedgerEntry> inFlight = rows.stream()
                .filter(r -> r.state() == LedgerState.QUEUED || r.state() == LedgerState.SENDING).toList();
        Optional<LedgerEntry> lastError = rows.stream().filter(r -> r.error() != null && !r.error().isBlank())
                .max(Comparator.comparingLong(RowSummary::lastTouched).thenComparingInt(LedgerEntry::line));
        return new RowSummary(StateCounts.ofRows(rows), inFlight, lastError,
                rows.stream().map(LedgerEntry::submittedAt).filter(Objects::nonNull).min(Long::compare).orElse(null),
                rows.stream().map(LedgerEntry::harvestedAt).filter(Objects::nonNull).max(Long::compare).orElse(null));
    }

    /** The last moment the row is known to have changed; rows never sent (rejected) come before every other. */
    private static long lastTouched(LedgerEntry r) {
        return Stream.of(r.harvestedAt(), r.completedAt(), r.submittedAt()).filter(Objects::nonNull)
                .max(Long::compare).orElse(-1L);
    }
}
