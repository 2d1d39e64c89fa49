package io.sdxlbatch.report;

/** Rows are still unfinished when the report is written: the run must stay restartable. */
public class UnfinishedRunException extends RuntimeException {

    public UnfinishedRunException(long unfinished) {
        super(unfinished + " prompt rows are not finished yet (still to send, in flight or to publish)");
    }
}
