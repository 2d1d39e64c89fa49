package io.sdxlbatch.sim;

import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Builds the three shapes of {@code error} a worker-sdxl 2.1.0 job can end with. Checked against
 * runpod/runpod-python tag 1.7.9 runpod/serverless/modules/rp_job.py (run_job: a handler's dict "error" is
 * passed through as is; an exception becomes {@code json.dumps} of error_type, error_message,
 * error_traceback, hostname, worker_id, runpod_version) and worker-sdxl 2.1.0 handler.py (the
 * "RuntimeError: ..., Stack Trace: ..." and "Unexpected error: ..." strings). Stateless and thread-safe.
 */
final class HandlerErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String RUNPOD_VERSION = "1.7.9";

    private HandlerErrors() {
    }

    /** The validator's list of messages, returned by the handler as {"error": [...]}. */
    static JsonNode list(List<String> messages) {
        ArrayNode array = NODES.arrayNode();
        messages.forEach(array::add);
        return array;
    }

    /** A handler that caught an exception in its pipeline and returned {"error": "..."}. */
    static JsonNode plain(String message) {
        return NODES.stringNode(message);
    }

    /** The handler's own RuntimeError branch: Python prints the traceback object, not its text. */
    static JsonNode runtimeError(String message, Random random) {
        return plain("RuntimeError: " + message + ", Stack Trace: <traceback object at 0x7f"
                + Long.toHexString(0x10000000L + random.nextInt(0x0FFFFFFF)) + ">");
    }

    /** An exception that escaped the handler, as the SDK reports it: a JSON-encoded string. */
    static JsonNode crash(String pythonType, String message, String workerId) {
        String type = "<class '" + pythonType + "'>";
        String traceback = "Traceback (most recent call last):\n"
                + "  File \"/usr/local/lib/python3.10/dist-packages/runpod/serverless/modules/rp_job.py\","
                + " line 164, in run_job\n    handler_return = handler(job)\n"
                + "  File \"/handler.py\", line 145, in generate_image\n"
                + pythonType + ": " + message + "\n";
        // json.dumps with its default ", " and ": " separators, key order as in rp_job.run_job.
        String encoded = "{\"error_type\": " + quote(type) + ", \"error_message\": " + quote(message)
                + ", \"error_traceback\": " + quote(traceback) + ", \"hostname\": " + quote(workerId + "-64410b4b")
                + ", \"worker_id\": " + quote(workerId) + ", \"runpod_version\": " + quote(RUNPOD_VERSION) + "}";
        return plain(encoded);
    }

    /** An injected failure in one of the three real shapes, chosen at random. */
    static JsonNode injected(String workerId, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> list(List.of("CUDA error: an illegal memory access was encountered"));
            case 1 -> runtimeError("CUDA error: an illegal memory access was encountered", random);
            default -> crash("torch.OutOfMemoryError", "CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 "
                    + "has a total capacity of 23.55 GiB of which 1.12 GiB is free.", workerId);
        };
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}
