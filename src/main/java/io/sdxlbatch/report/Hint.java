package io.sdxlbatch.report;

/** A tuning suggestion and the measured figure that justifies it; no hint is made without one. */
public record Hint(String advice, String evidence) {
}
