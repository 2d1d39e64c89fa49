package io.sdxlbatch.runpod;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads worker-sdxl's {@code output} and {@code error} fields in every shape they are known to take. */
final class WorkerResultParser {

    private final ObjectMapper mapper;

    WorkerResultParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Either {@code {"images":[...],"image_url":...,"seed":n}} (the worker) or a list of {@code {image_url, seed}}
     * (the tutorial page). Returns null when there is no output at all, an empty output when it has no images.
     */
    JobOutput output(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        List<OutputImage> images = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                addImage(images, item.get("image_url"), seed(item));
            }
        } else if (node.isObject()) {
            Long seed = seed(node);
            JsonNode list = node.get("images");
            if (list != null && list.isArray() && !list.isEmpty()) {
                list.forEach(image -> addImage(images, image, seed));
            } else {
                addImage(images, node.get("image_url"), seed);
            }
        }
        return new JobOutput(images);
    }

    /** A list of strings, a plain string, or a JSON-encoded string of error_type / error_message / traceback. */
    JobError error(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            List<String> messages = new ArrayList<>();
            node.forEach(item -> messages.add(item.isString() ? item.asString() : item.toString()));
            return new JobError("validation", messages, null);
        }
        if (node.isObject()) {
            return structured(node);
        }
        String text = node.asString();
        JsonNode encoded = tryParseObject(text);
        return encoded != null ? structured(encoded) : new JobError(typeOf(text), List.of(text), null);
    }

    private JobError structured(JsonNode node) {
        String type = text(node, "error_type");
        String message = text(node, "error_message");
        return new JobError(type, List.of(message != null ? message : node.toString()),
                text(node, "error_traceback"));
    }

    private JsonNode tryParseObject(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            JsonNode parsed = mapper.readTree(trimmed);
            return parsed.isObject() && parsed.has("error_message") ? parsed : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** "RuntimeError: CUDA out of memory" -> RuntimeError; a sentence without such a prefix has no type. */
    private static String typeOf(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String head = text.substring(0, colon).trim();
        return head.matches("[A-Za-z_][A-Za-z0-9_.]*") ? head : null;
    }

    private static void addImage(List<OutputImage> images, JsonNode reference, Long seed) {
        if (reference != null && reference.isString() && !reference.asString().isBlank()) {
            images.add(new OutputImage(reference.asString(), seed));
        }
    }

    private static Long seed(JsonNode node) {
        JsonNode seed = node.get("seed");
        return seed != null && seed.isIntegralNumber() ? seed.asLong() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
