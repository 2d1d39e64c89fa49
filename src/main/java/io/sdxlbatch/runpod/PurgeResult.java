package io.sdxlbatch.runpod;

/** The answer of /purge-queue: how many queued jobs were removed. */
public record PurgeResult(long removed, String status) {
}
