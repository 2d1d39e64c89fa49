package io.sdxlbatch.report;

import java.util.List;
import java.util.Map;

import io.sdxlbatch.cost.Billing;
import io.sdxlbatch.cost.Price;

/**
 * Every figure of a run's report, computed once by {@link RunAnalyzer}: jobs.csv, summary.json and report.html all
 * render from this, so they cannot disagree.
 *
 * @param statusCounts rows by final status (COMPLETED for done), in a stable order
 * @param jobs         every ledger row in file order
 * @param trend        runs of the same prompts file in start order, this one included; one point: no trend
 */
public record RunAnalysis(RunInfo run, Map<String, Integer> statusCounts, int imagesWritten, int possibleDuplicates,
                          int retriedRows, Distribution delay, Distribution execution, Distribution endToEnd,
                          Distribution harvestLatency, Billing billing, Price price, ApiCalls api, List<JobRow> jobs,
                          List<Hint> hints, List<FailureGroup> failures, List<TrendPoint> trend) {

    public RunAnalysis withTrend(List<TrendPoint> newTrend) {
        return new RunAnalysis(run, statusCounts, imagesWritten, possibleDuplicates, retriedRows, delay, execution,
                endToEnd, harvestLatency, billing, price, api, jobs, hints, failures, List.copyOf(newTrend));
    }

    public int rows() {
        return jobs.size();
    }

    /** Images written per minute of wall time (first submission to last result); 0 when nothing ran. */
    public double imagesPerMinute() {
        long wall = run.wallMs();
        return wall == 0 ? 0 : imagesWritten * 60_000.0 / wall;
    }
}
