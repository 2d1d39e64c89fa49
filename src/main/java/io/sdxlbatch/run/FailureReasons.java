package io.sdxlbatch.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

import io.sdxlbatch.report.UnfinishedRunException;
import io.sdxlbatch.runpod.RunpodException;

/**
 * The one sentence that explains why a run's step failed, and what to do. Spring Batch wraps our exceptions
 * ("Unable to process chunk"), so the chain is searched; the stack traces go to run.log.
 */
final class FailureReasons {

    /** Spring Batch's wrapper around a failed split; the step failures themselves are printed instead. */
    private static final String FLOW_WRAPPER = "Flow execution ended unexpectedly";

    private FailureReasons() {
    }

    static boolean isFlowWrapper(Throwable failure) {
        return FLOW_WRAPPER.equals(failure.getMessage());
    }

    static String sentence(Throwable failure, Path outputDir) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RunpodException) {
                return t.getMessage();
            }
            if (isDiskFull(t)) {
                return "the disk holding " + outputDir.toAbsolutePath() + " is full (No space left on device);"
                        + " nothing is lost: results already read stay staged, the others stay on Runpod for 30"
                        + " minutes after they complete. Free space, then run the same command again";
            }
            if (t instanceof FileAlreadyExistsException e) {
                return e.getFile() + " is a file where a folder is needed; nothing is lost: move it away, then run"
                        + " the same command again";
            }
            if (t instanceof AccessDeniedException e) {
                return "permission denied on " + e.getFile() + "; nothing is lost: fix the permissions, then run the"
                        + " same command again";
            }
            root = t;
        }
        boolean ours = root.getClass().getName().startsWith("io.sdxlbatch.");
        return root == failure || ours ? root.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** "N rows are not finished" with no cause behind it: what a stop leaves, already said by the stop. */
    static boolean isOnlyUnfinished(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnfinishedRunException) {
                return t.getCause() == null;
            }
        }
        return false;
    }

    /** A bad key or an unknown endpoint: every request will be refused the same way. */
    static boolean isEndpointRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RunpodException e && e.refusesEveryRequest()) {
                return true;
            }
        }
        return false;
    }

    /** ENOSPC, as the JDK reports it on Linux and macOS (the message is the OS's own). */
    static boolean isDiskFull(Throwable t) {
        return t instanceof IOException && t.getMessage() != null
                && t.getMessage().contains("No space left on device");
    }
}
