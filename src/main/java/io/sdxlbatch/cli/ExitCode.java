package io.sdxlbatch.cli;

/** The exit codes every command uses; cron jobs and scripts rely on them. */
public enum ExitCode {
    /** Everything asked for was done. */
    SUCCESS(0),
    /** The run stopped before finishing; running the same command again resumes it. */
    STOPPED(1),
    /** Usage or configuration error; nothing was submitted. */
    CONFIGURATION(2),
    /** The run finished, but some prompts were rejected or failed; they are in the report. */
    SOME_FAILED(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
