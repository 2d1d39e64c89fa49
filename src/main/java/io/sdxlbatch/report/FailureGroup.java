package io.sdxlbatch.report;

import java.util.List;

/** Rows that did not produce their images, grouped by final status and reason. */
public record FailureGroup(String status, String reason, List<Integer> lines) {

    public FailureGroup {
        lines = List.copyOf(lines);
    }
}
