package io.sdxlbatch.report;

/** Rows are still unfinished when the report is written: the run must stay restartable. */
public class UnfinishedRunException extends RuntimeException {

    /** @param cause what kept them unfinished when known (the images could not be published), else null */
    public UnfinishedRunException(long unfinished, Throwable cause) {
        super(unfinished + " prompt rows are not finished yet (still to send, in flight or to publish)", cause);
    }
}
