package io.sdxlbatch.sim;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a /run or /runsync body the simulator uses: {@code input} and {@code policy}. Unknown
 * fields (webhook, s3Config, ...) are accepted and ignored. Immutable.
 */
record SubmitRequest(JsonNode input, JobPolicy policy) {

    /** A request Runpod answers with 400 and {"error": message}. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static SubmitRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = HttpReply.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new BadRequest("invalid JSON in request body");
        }
        if (root == null || !root.isObject() || !root.path("input").isObject()) {
            throw new BadRequest("request body must be a JSON object with an \"input\" object");
        }
        return new SubmitRequest(root.get("input").deepCopy(), policy(root.path("policy")));
    }

    private static JobPolicy policy(JsonNode policy) {
        if (policy.isMissingNode() || policy.isNull()) {
            return JobPolicy.defaults();
        }
        if (!policy.isObject()) {
            throw new BadRequest("policy must be an object");
        }
        long timeout = millis(policy, "executionTimeout", JobPolicy.DEFAULT_EXECUTION_TIMEOUT_MS,
                JobPolicy.MIN_EXECUTION_TIMEOUT_MS);
        long ttl = millis(policy, "ttl", JobPolicy.DEFAULT_TTL_MS, 10_000);
        JsonNode low = policy.path("lowPriority");
        if (!low.isMissingNode() && !low.isNull() && !low.isBoolean()) {
            throw new BadRequest("policy.lowPriority must be a boolean");
        }
        return new JobPolicy(timeout, ttl, low.asBoolean(false));
    }

    private static long millis(JsonNode policy, String name, long fallback, long min) {
        JsonNode value = policy.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > JobPolicy.MAX_EXECUTION_TIMEOUT_MS) {
            throw new BadRequest("policy." + name + " must be an integer between " + min + " and "
                    + JobPolicy.MAX_EXECUTION_TIMEOUT_MS + " ms");
        }
        return value.asLong();
    }
}
