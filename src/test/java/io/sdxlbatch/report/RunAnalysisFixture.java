package io.sdxlbatch.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.sdxlbatch.cost.Billing;
import io.sdxlbatch.cost.BillingModel;
import io.sdxlbatch.cost.JobBill;
import io.sdxlbatch.cost.JobTiming;
import io.sdxlbatch.cost.Price;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;

/**
 * Builds a RunAnalysis by hand for report tests: jobs with times relative to the run's first submission, billed by
 * the real BillingModel, failures grouped by status and error.
 */
final class RunAnalysisFixture {

    static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    private final String runId;
    private final List<JobRow> jobs = new ArrayList<>();
    private final List<JobTiming> timings = new ArrayList<>();
    private BigDecimal perSecond = new BigDecimal("0.00031");
    private long idleTimeoutMs = 5_000;
    private List<TrendPoint> trend = List.of();
    private List<Hint> hints = List.of();
    private ApiCalls api = new ApiCalls(Map.of(), 0, 0);
    private boolean simulated = true;
    private double timeScale = 60;

    RunAnalysisFixture(String runId) {
        this.runId = runId;
    }

    /** The embedded simulator at x60 unless said otherwise. */
    RunAnalysisFixture endpoint(boolean simulated, double timeScale) {
        this.simulated = simulated;
        this.timeScale = timeScale;
        return this;
    }

    /** A row that ran on the endpoint: times in ms after T0. */
    RunAnalysisFixture ran(int line, String promptId, LedgerState state, String worker, long submitted, long delay,
                           long execution, long harvestDelay, String images, String error) {
        long sub = T0.toEpochMilli() + submitted;
        long done = sub + delay + execution;
        jobs.add(new JobRow(new LedgerEntry(runId, line, promptId, null, null, state, "job-" + line, null, 1, 0,
                false, sub, done, done + harvestDelay, delay, execution, worker, 7L, images == null ? null : 1, images,
                error), sub, sub + delay, done, done + harvestDelay, null));
        timings.add(new JobTiming(line, worker, sub, delay, execution));
        return this;
    }

    /** A row that never reached the endpoint. */
    RunAnalysisFixture rejected(int line, String promptId, String error) {
        jobs.add(new JobRow(new LedgerEntry(runId, line, promptId, null, null, LedgerState.REJECTED, null, null, 0, 0,
                false, null, null, null, null, null, null, null, null, null, error), null, null, null, null, null));
        return this;
    }

    RunAnalysisFixture price(String perSecond) {
        this.perSecond = new BigDecimal(perSecond);
        return this;
    }

    RunAnalysisFixture trend(List<TrendPoint> trend) {
        this.trend = trend;
        return this;
    }

    RunAnalysisFixture hints(List<Hint> hints) {
        this.hints = hints;
        return this;
    }

    RunAnalysisFixture api(ApiCalls api) {
        this.api = api;
        return this;
    }

    RunAnalysis build() {
        Billing billing = BillingModel.bill(timings, perSecond, idleTimeoutMs);
        Map<Integer, JobBill> bills = new LinkedHashMap<>();
        billing.jobs().forEach(b -> bills.put(b.line(), b));
        List<JobRow> rows = jobs.stream().map(j -> new JobRow(j.entry(), j.submittedAt(), j.startedAt(),
                j.completedAt(), j.harvestedAt(), bills.get(j.entry().line()))).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.status().equals("COMPLETED")).forEach(r -> groups.computeIfAbsent(
                List.of(r.status(), Objects.toString(r.entry().error(), "")), k -> new ArrayList<>())
                .add(r.entry().line()));
        List<FailureGroup> failures = groups.entrySet().stream()
                .map(e -> new FailureGroup(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
        int images = (int) rows.stream().filter(r -> r.status().equals("COMPLETED")).count();
        long first = rows.stream().map(JobRow::submittedAt).filter(Objects::nonNull).min(Long::compare).orElse(0L);
        long last = rows.stream().map(JobRow::harvestedAt).filter(Objects::nonNull).max(Long::compare).orElse(0L);
        RunInfo run = new RunInfo(runId, "prompts/nightly & <daily>.csv", "sim-endpoint", simulated, timeScale,
                Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), T0.plusSeconds(3600));
        return new RunAnalysis(run, counts, images, 0, 0, dist(rows, r -> r.entry().delayMs()),
                dist(rows, r -> r.entry().executionMs()), dist(rows, JobRow::endToEndMs),
                dist(rows, JobRow::harvestLatencyMs), billing,
                new Price(perSecond, "ADA_24 24 GB PRO (4090) $" + perSecond.toPlainString() + "/s"), api, rows,
                hints, failures, trend);
    }

    private static Distribution dist(List<JobRow> rows, Function<JobRow, Long> figure) {
        return Distribution.of(rows.stream().map(figure).filter(Objects::nonNull).toList());
    }

    static TrendPoint point(String runId, int day, int images, String cost, long p95EndToEnd, boolean current) {
        return new TrendPoint(runId, T0.minusSeconds(86_400L * (3 - day)), images,
                cost == null ? null : new BigDecimal(cost), p95EndToEnd / 2, p95EndToEnd, current);
    }
}
