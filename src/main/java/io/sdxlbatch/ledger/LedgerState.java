package io.sdxlbatch.ledger;

/**
 * Where one prompt row stands. The order of the first states is the order of the paid side effect:
 * PENDING, SENDING (intent committed, answer not yet stored), QUEUED (Runpod job id stored), HARVESTED (images read
 * and staged on disk), DONE (images published). The rest are final failures, each with its own reason.
 */
public enum LedgerState {
    PENDING(false, false),
    SENDING(false, false),
    QUEUED(false, false),
    HARVESTED(false, false),
    DONE(true, true),
    /** Bad CSV row: never sent. */
    REJECTED(true, false),
    /** Runpod said FAILED, TIMED_OUT or CANCELLED, and the retries ran out. */
    FAILED(true, false),
    /** 404: the result was gone (30-minute retention or the job's TTL) before we read it. */
    EXPIRED(true, false),
    /** COMPLETED without any image: usually a result over Runpod's payload limit. */
    NO_OUTPUT(true, false),
    /** The images could not be decoded to valid PNGs, even after reading them again. */
    UNDECODABLE(true, false),
    /**
     * Cancelled by us ({@code ./run.sh cancel}): Runpod confirmed the cancellation. Not a failure of the endpoint;
     * a run with {@code --resubmit-cancelled} sends the row again.
     */
    CANCELLED(true, false);

    private final boolean isFinal;
    private final boolean success;

    LedgerState(boolean isFinal, boolean success) {
        this.isFinal = isFinal;
        this.success = success;
    }

    public boolean isFinal() {
        return isFinal;
    }

    public boolean isSuccess() {
        return success;
    }
}
