package io.sdxlbatch.runpod;

import java.util.List;

/**
 * Why a job failed, normalised from worker-sdxl's three error shapes: a list of validation messages, a plain
 * string such as "RuntimeError: ...", or a JSON-encoded string with error_type / error_message / error_traceback.
 *
 * @param type      e.g. "validation", "RuntimeError", or null when the worker did not say
 * @param messages  one or more human-readable messages
 * @param traceback the worker's traceback when it sent one
 */
public record JobError(String type, List<String> messages, String traceback) {

    public JobError {
        messages = List.copyOf(messages);
    }

    /** One line for reports and logs. */
    public String summary() {
        String text = String.join("; ", messages);
        return type == null || text.startsWith(type) ? text : type + ": " + text;
    }
}
