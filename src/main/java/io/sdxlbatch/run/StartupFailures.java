package io.sdxlbatch.run;

import org.springframework.boot.context.properties.bind.BindException;

import io.sdxlbatch.cli.UsageException;

/** Turns a failed Spring start into the one sentence a person can act on, when we know what it means. */
final class StartupFailures {

    private StartupFailures() {
    }

    static RuntimeException explain(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UsageException usage) {
                return usage;
            }
            if (t instanceof BindException bind) {
                // a record's own validation names the property itself; a conversion failure has it on the exception
                return new UsageException(bind.getProperty() == null ? rootMessage(bind)
                        : "configuration property " + bind.getProperty().getName() + " = '"
                                + bind.getProperty().getValue() + "' is invalid: " + rootMessage(bind));
            }
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getMessage().startsWith("runpod.")) {
                return new UsageException(t.getMessage());
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("lockFile") || message.contains("Database lock acquisition failure")) {
                return new UsageException("the job database is locked by another process: " + message);
            }
        }
        return failure;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
