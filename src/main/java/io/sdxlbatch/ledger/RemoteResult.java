package io.sdxlbatch.ledger;

/**
 * What one status answer told us about a job, as the ledger keeps it.
 *
 * @param seenAt when we read it (epoch ms, this machine's clock)
 */
public record RemoteResult(String remoteStatus, long seenAt, Long delayMs, Long executionMs, String workerId,
                           Long seed) {

    /** For failures without a status answer, e.g. a 404. */
    public static RemoteResult without(String remoteStatus, long seenAt) {
        return new RemoteResult(remoteStatus, seenAt, null, null, null, null);
    }
}
