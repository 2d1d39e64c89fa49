package io.sdxlbatch.sim;

import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code /v2/{endpointId}/{operation}[/{jobId}]} path. Immutable.
 */
record ApiRoute(String endpointId, String operation, String jobId) {

    private static final Set<String> WITH_JOB = Set.of("status", "cancel", "retry");
    private static final Set<String> WITHOUT_JOB = Set.of("run", "runsync", "purge-queue", "health");

    static Optional<ApiRoute> parse(String path) {
        String[] parts = path.split("/", -1);
        // "", "v2", endpointId, operation[, jobId]
        if (parts.length < 4 || !parts[0].isEmpty() || !"v2".equals(parts[1]) || parts[2].isEmpty()) {
            return Optional.empty();
        }
        String operation = parts[3];
        if (parts.length == 4 && WITHOUT_JOB.contains(operation)) {
            return Optional.of(new ApiRoute(parts[2], operation, null));
        }
        if (parts.length == 5 && WITH_JOB.contains(operation) && !parts[4].isEmpty()) {
            return Optional.of(new ApiRoute(parts[2], operation, parts[4]));
        }
        return Optional.empty();
    }

    /** Runpod's SDKs read status and health with GET and send everything else as POST. */
    boolean allows(String method) {
        boolean read = "status".equals(operation) || "health".equals(operation);
        return read ? "GET".equals(method) || "POST".equals(method) : "POST".equals(method);
    }
}
