package io.sdxlbatch.cli;

/**
 * A command line or configuration the program cannot act on. Thrown before anything is submitted; the message is
 * printed as is and the program exits with {@link ExitCode#CONFIGURATION}.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
