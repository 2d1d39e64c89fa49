package io.sdxlbatch.prompts;

/** The prompts file as a whole cannot be used (missing, unreadable, unparseable, no prompt column). */
public class PromptFileException extends RuntimeException {

    public PromptFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
