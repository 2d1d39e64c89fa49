package io.sdxlbatch.sim;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link JobSnapshot} as Runpod's status object: id, status, delayTime, executionTime, workerId,
 * plus output on COMPLETED and error on FAILED. Stateless and thread-safe.
 */
final class StatusJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StatusJson() {
    }

    /** {@code corrupt} breaks the base64 of this one answer, as a flaky proxy or truncated body would. */
    static ObjectNode render(JobSnapshot job, boolean corrupt) {
        ObjectNode node = NODES.objectNode();
        if (job.delayTimeMs() != null) {
            node.put("delayTime", job.delayTimeMs());
        }
        if (job.executionTimeMs() != null && job.state().isFinal()) {
            node.put("executionTime", job.executionTimeMs());
        }
        node.put("id", job.id());
        if (job.state() == JobState.COMPLETED && job.images() != null) {
            node.set("output", output(job.images(), corrupt));
        }
        if (job.state() == JobState.FAILED && job.outcome() instanceof JobOutcome.Failure failure) {
            node.set("error", failure.error());
        }
        node.put("status", job.state().name());
        if (job.workerId() != null) {
            node.put("workerId", job.workerId());
        }
        return node;
    }

    /** {@code {"id":..,"status":..}}: the short answer of /run, /cancel and /retry. */
    static ObjectNode idAndStatus(String id, JobState state) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("status", state.name());
        return node;
    }

    private static ObjectNode output(RenderedImages images, boolean corrupt) {
        List<String> uris = images.dataUris();
        ArrayNode array = NODES.arrayNode();
        uris.forEach(uri -> array.add(corrupt ? breakBase64(uri) : uri));
        ObjectNode output = NODES.objectNode();
        output.set("image_url", array.get(0));
        output.set("images", array);
        output.put("seed", images.seed());
        return output;
    }

    /** Keeps the data-URI prefix but damages the payload so no base64 decoder accepts it. */
    private static String breakBase64(String uri) {
        int comma = uri.indexOf(',');
        int cut = comma + 1 + (uri.length() - comma - 1) / 2;
        return uri.substring(0, cut) + "*%~" + uri.substring(cut + 3);
    }
}
