package io.sdxlbatch.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.sdxlbatch.cost.Billing;
import io.sdxlbatch.cost.BillingModel;
import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.cost.JobBill;
import io.sdxlbatch.cost.JobTiming;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.RequestCodec;
import io.sdxlbatch.runpod.JobPolicy;

/** Turns a run's ledger rows into every figure of its report. Pure: same rows, same report. */
public final class RunAnalyzer {

    /** Runpod's executionTimeout when the job's policy says none. */
    static final Duration RUNPOD_DEFAULT_EXECUTION_TIMEOUT = Duration.ofMinutes(10);
    private static final Set<LedgerState> HARVESTED = EnumSet.of(LedgerState.HARVESTED, LedgerState.DONE);

    private RunAnalyzer() {
    }

    public static RunAnalysis analyze(RunRecord run, List<LedgerEntry> rows, CostSettings cost, ApiCalls api,
                                      List<TrendPoint> earlier, Instant generatedAt) {
        Function<Long, Long> clock = endpointClock(rows, run.timeScale());
        List<JobTiming> timings = new ArrayList<>();
        for (LedgerEntry r : rows) {
            if (r.submittedAt() != null && r.delayMs() != null && r.executionMs() != null) {
                timings.add(new JobTiming(r.line(), r.workerId(), clock.apply(r.submittedAt()), r.delayMs(),
                        r.executionMs()));
            }
        }
        Billing billing = BillingModel.bill(timings, cost.price().perSecond(), cost.idleTimeout().toMillis());
        Map<Integer, JobBill> bills = new LinkedHashMap<>();
        billing.jobs().forEach(j -> bills.put(j.line(), j));
        List<JobRow> jobs = rows.stream().map(r -> jobRow(r, clock, bills.get(r.line()))).toList();
        Distribution execution = Distribution.of(values(rows, LedgerEntry::executionMs));
        List<FailureGroup> failures = FailureGroups.of(rows);
        int ran = (int) rows.stream().filter(r -> r.jobId() != null || r.submittedAt() != null).count();
        RunInfo info = new RunInfo(run.runId(), run.promptsFile(), run.endpoint(), run.simulated(), run.timeScale(),
                instant(jobs.stream().map(JobRow::submittedAt).filter(Objects::nonNull).min(Long::compare)),
                instant(jobs.stream().map(JobRow::harvestedAt).filter(Objects::nonNull).max(Long::compare)),
                generatedAt);
        List<Hint> hints = TuningHints.of(new TuningHints.Inputs(billing, timings, execution,
                executionTimeout(rows), failures, ran, info.wallMs()));
        List<JobRow> harvested = jobs.stream().filter(j -> HARVESTED.contains(j.entry().state())).toList();
        Distribution delay = Distribution.of(values(rows, LedgerEntry::delayMs));
        Distribution endToEnd = Distribution.of(harvested.stream().map(JobRow::endToEndMs).filter(Objects::nonNull)
                .toList());
        RunAnalysis analysis = new RunAnalysis(info, statusCounts(rows), imagesWritten(rows),
                (int) rows.stream().filter(LedgerEntry::possibleDuplicate).count(),
                (int) rows.stream().filter(r -> r.retries() > 0).count(), delay, execution, endToEnd,
                Distribution.of(harvested.stream().map(JobRow::harvestLatencyMs).filter(Objects::nonNull).toList()),
                billing, cost.price(), api, jobs, hints, failures, List.of());
        List<TrendPoint> trend = new ArrayList<>(earlier);
        trend.add(trendPoint(analysis, true));
        trend.sort(Comparator.comparing(TrendPoint::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return analysis.withTrend(trend);
    }

    /** This run's point on the trend across runs of its prompts file. */
    public static TrendPoint trendPoint(RunAnalysis a, boolean current) {
        return new TrendPoint(a.run().runId(), a.run().firstSubmitAt(), a.imagesWritten(), a.billing().totalCost(),
                a.delay().p(95), a.endToEnd().p(95), current);
    }

    /**
     * Our timestamps on the endpoint's clock: stretched by the time scale from the first submission, so that a
     * time-compressed simulator's delay and execution figures line up with them (identity for Runpod).
     */
    static Function<Long, Long> endpointClock(List<LedgerEntry> rows, double timeScale) {
        long anchor = rows.stream().map(LedgerEntry::submittedAt).filter(Objects::nonNull).min(Long::compare)
                .orElse(0L);
        return t -> t == null ? null : anchor + Math.round((t - anchor) * timeScale);
    }

    private static JobRow jobRow(LedgerEntry r, Function<Long, Long> clock, JobBill bill) {
        Long submitted = clock.apply(r.submittedAt());
        Long started = submitted != null && r.delayMs() != null ? submitted + r.delayMs() : null;
        Long completed = started != null && r.executionMs() != null ? started + r.executionMs() : null;
        Long harvested = HARVESTED.contains(r.state()) ? clock.apply(r.harvestedAt()) : null;
        return new JobRow(r, submitted, started, completed, harvested, bill);
    }

    private static Map<String, Integer> statusCounts(List<LedgerEntry> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LedgerState state : LedgerState.values()) {
            long n = rows.stream().filter(r -> r.state() == state).count();
            if (n > 0) {
                counts.put(JobsCsvReport.status(state), (int) n);
            }
        }
        return counts;
    }

    static int imagesWritten(List<LedgerEntry> rows) {
        return rows.stream().filter(r -> r.state() == LedgerState.DONE && r.images() != null && !r.images().isEmpty())
                .mapToInt(r -> r.images().split(";").length).sum();
    }

    private static List<Long> values(List<LedgerEntry> rows, Function<LedgerEntry, Long> field) {
        return rows.stream().map(field).filter(Objects::nonNull).toList();
    }

    /** The policy every row was sent with (the run sets one for all); Runpod's default when none. */
    private static Duration executionTimeout(List<LedgerEntry> rows) {
        return rows.stream().filter(r -> r.state() != LedgerState.REJECTED).findFirst()
                .map(r -> RequestCodec.decode(r.requestJson()).policy())
                .map(JobPolicy::executionTimeout).orElse(RUNPOD_DEFAULT_EXECUTION_TIMEOUT);
    }

    private static Instant instant(java.util.Optional<Long> ms) {
        return ms.map(Instant::ofEpochMilli).orElse(null);
    }
}
