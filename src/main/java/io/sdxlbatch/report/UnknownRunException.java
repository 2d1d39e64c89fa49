package io.sdxlbatch.report;

import java.util.List;

/** The job repository holds no run of that id: names the ones it does hold. */
public class UnknownRunException extends RuntimeException {

    public UnknownRunException(String runId, List<String> known) {
        super("no run '" + runId + "' in the job repository" + (known.isEmpty() ? " (it holds no runs)"
                : "; runs it holds: " + String.join(", ", known.subList(Math.max(0, known.size() - 20),
                known.size()))));
    }
}
