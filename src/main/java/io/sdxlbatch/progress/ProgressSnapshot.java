package io.sdxlbatch.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.sdxlbatch.images.AtomicFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a run stands, as its process last saw it. The running process rewrites {@code <run folder>/progress.json}
 * with it every few seconds, because while a run is in progress its job repository is locked by HSQLDB: this file is
 * how {@code ./run.sh status} can answer without touching the run (or the API).
 *
 * @param byState          ledger rows by state name (PENDING, SENDING, QUEUED, HARVESTED, DONE, REJECTED, ...)
 * @param imagesPerMinute  images written per minute since the process started, 0 before the first
 * @param etaSeconds       estimated seconds until every row is final, null while there is nothing to go on
 * @param backoffMs        how long submission is currently held back by Runpod (429 Retry-After or breaker), 0 if not
 * @param stopReason       why submission stopped early (signal, guardrail, failure breaker), null while it has not
 */
public record ProgressSnapshot(String runId, long pid, Instant updatedAt, int total, Map<String, Integer> byState,
                               int imagesWritten, double imagesPerMinute, Long etaSeconds, long backoffMs,
                               String lastError, String stopReason) {

    public static final String FILE = "progress.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndAddModules().build();

    public ProgressSnapshot {
        byState = Map.copyOf(new LinkedHashMap<>(byState));
    }

    /** Once submission has stopped, the rows still pending will not be sent: no ETA can cover them. */
    public ProgressSnapshot withStopReason(String reason) {
        return new ProgressSnapshot(runId, pid, updatedAt, total, byState, imagesWritten, imagesPerMinute,
                reason == null ? etaSeconds : null, backoffMs, lastError, reason);
    }

    public int count(String state) {
        return byState.getOrDefault(state, 0);
    }

    /** Rows sent and not yet answered for good: queued or running on the endpoint. */
    public int inFlight() {
        return count("QUEUED") + count("SENDING");
    }

    /** Atomically, so a reader never sees half a file. */
    public void write(Path runDir) {
        AtomicFiles.write(runDir.resolve(FILE), JSON.writeValueAsBytes(this));
    }

    /** The snapshot a run folder holds, if any and readable. */
    public static Optional<ProgressSnapshot> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), ProgressSnapshot.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
