package io.sdxlbatch.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.sdxlbatch.cost.CostOverride;
import io.sdxlbatch.ledger.Ledger;

/** Builds a run's analysis from the job repository: its ledger rows, its SDXL_RUN record and its earlier nights. */
public final class RunReports {

    /** Earlier runs of the same prompts file shown in the trend. */
    static final int TREND_RUNS = 30;

    private final Ledger ledger;
    private final RunRecords records;
    private final Clock clock;

    public RunReports(Ledger ledger, RunRecords records, Clock clock) {
        this.ledger = ledger;
        this.records = records;
        this.clock = clock;
    }

    /**
     * @param cost what replaces, for this run and the trend's runs, the price or idle timeout they were costed with
     * @throws UnknownRunException when the job repository has no such run
     */
    public RunAnalysis analyze(String runId, CostOverride cost) {
        return analyze(find(runId), cost);
    }

    /** The run without its trend across earlier runs: for listings of many runs, which show no trend. */
    public RunAnalysis analyzeAlone(String runId, CostOverride cost) {
        return analyzed(find(runId), cost, List.of());
    }

    /** For the run in progress, which may not be recorded yet (a step run on its own). */
    public RunAnalysis analyze(RunRecord run, CostOverride cost) {
        List<TrendPoint> earlier = new ArrayList<>();
        for (String other : records.runsOfPromptsFile(run.promptsFile(), TREND_RUNS + 1)) {
            if (!other.equals(run.runId()) && earlier.size() < TREND_RUNS) {
                earlier.add(RunAnalyzer.trendPoint(analyzed(records.find(other).orElseThrow(), cost, List.of()),
                        false));
            }
        }
        return analyzed(run, cost, earlier);
    }

    private RunRecord find(String runId) {
        return records.find(runId).orElseThrow(() -> new UnknownRunException(runId, records.runIds()));
    }

    private RunAnalysis analyzed(RunRecord run, CostOverride cost, List<TrendPoint> earlier) {
        return RunAnalyzer.analyze(run, ledger.all(run.runId()), cost.over(run.cost()),
                records.apiCalls(run.runId()), earlier, clock.instant());
    }
}
