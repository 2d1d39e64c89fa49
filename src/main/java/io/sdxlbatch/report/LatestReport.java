package io.sdxlbatch.report;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The analysis the report step of this process wrote last, so the run's end can print its headline. */
public final class LatestReport {

    private final AtomicReference<RunAnalysis> latest = new AtomicReference<>();

    void set(RunAnalysis analysis) {
        latest.set(analysis);
    }

    public Optional<RunAnalysis> get() {
        return Optional.ofNullable(latest.get());
    }
}
