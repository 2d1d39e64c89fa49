package io.sdxlbatch.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sdxlbatch.ledger.LedgerEntry;

/** Rows that ended without images, grouped by status and reason, largest group first. */
final class FailureGroups {

    private static final int REASON_LENGTH = 300;

    private FailureGroups() {
    }

    static List<FailureGroup> of(List<LedgerEntry> rows) {
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (LedgerEntry r : rows) {
            if (r.state().isFinal() && !r.state().isSuccess()) {
                groups.computeIfAbsent(List.of(r.state().name(), reason(r)), k -> new ArrayList<>()).add(r.line());
            }
        }
        return groups.entrySet().stream()
                .map(e -> new FailureGroup(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingInt((FailureGroup g) -> -g.lines().size())
                        .thenComparing(FailureGroup::status))
                .toList();
    }

    private static String reason(LedgerEntry r) {
        String error = r.error() == null || r.error().isBlank() ? "(no reason given)" : r.error().strip();
        return error.length() > REASON_LENGTH ? error.substring(0, REASON_LENGTH) + "…" : error;
    }
}
