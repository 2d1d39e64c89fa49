package io.sdxlbatch.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Re-enacts runpod-python 1.7.9's {@code rp_validator.validate} against worker-sdxl 2.1.0's INPUT_SCHEMA,
 * quirks included. Checked against runpod/runpod-python tag 1.7.9 runpod/serverless/utils/rp_validator.py
 * and runpod-workers/worker-sdxl tag 2.1.0 schemas.py:
 * <ul>
 * <li>prompt is "required": False without a default, so a missing prompt gives
 *     "Schema error, missing default value for prompt." (never "prompt is a required input.");</li>
 * <li>a value that is an instance of its default's type skips the rest, constraints included, so any int
 *     num_images passes (the "3 > n > 0" constraint only runs for wrongly typed values);</li>
 * <li>floats accept ints; bool passes as int; null passes where the default is None.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class WorkerInputValidator {

    /** One schema entry; {@code defaultValue} null means the schema has no default. */
    private record Field(String key, String type, JsonNode defaultValue, boolean countConstraint) {
    }

    /** Validated input (defaults filled in), or the error list the worker returns. */
    record Result(Map<String, JsonNode> validated, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A Python exception escaping validate(), e.g. the constraint lambda comparing int with str. */
    static final class PythonError extends RuntimeException {
        private final String type;

        PythonError(String type, String message) {
            super(message);
            this.type = type;
        }

        String pythonType() {
            return type;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Field> SCHEMA = List.of(
            new Field("prompt", "str", null, false),
            new Field("negative_prompt", "str", NODES.nullNode(), false),
            new Field("height", "int", NODES.numberNode(1024), false),
            new Field("width", "int", NODES.numberNode(1024), false),
            new Field("seed", "int", NODES.nullNode(), false),
            new Field("scheduler", "str", NODES.stringNode("DDIM"), false),
            new Field("num_inference_steps", "int", NODES.numberNode(25), false),
            new Field("refiner_inference_steps", "int", NODES.numberNode(50), false),
            new Field("guidance_scale", "float", NODES.numberNode(7.5), false),
            new Field("strength", "float", NODES.numberNode(0.3), false),
            new Field("image_url", "str", NODES.nullNode(), false),
            new Field("num_images", "int", NODES.numberNode(1), true),
            new Field("high_noise_frac", "float", NODES.nullNode(), false));

    Result validate(JsonNode input) {
        List<String> errors = new ArrayList<>();
        for (String key : input.propertyNames()) {
            if (SCHEMA.stream().noneMatch(f -> f.key().equals(key))) {
                errors.add("Unexpected input. " + key + " is not a valid input option.");
            }
        }
        Map<String, JsonNode> validated = new LinkedHashMap<>();
        input.properties().forEach(e -> validated.put(e.getKey(), e.getValue()));
        for (Field field : SCHEMA) {
            if (!input.has(field.key())) {
                if (field.defaultValue() == null) {
                    errors.add("Schema error, missing default value for " + field.key() + ".");
                } else {
                    validated.put(field.key(), field.defaultValue());
                }
            }
        }
        SCHEMA.forEach(field -> checkType(field, validated, errors));
        return new Result(validated, errors);
    }

    private static void checkType(Field field, Map<String, JsonNode> validated, List<String> errors) {
        JsonNode value = validated.get(field.key());
        if (value != null) {
            String actual = PythonValue.typeName(value);
            if ("float".equals(field.type()) && ("int".equals(actual) || "float".equals(actual))) {
                value = DoubleNode.valueOf(value.asDouble());
                validated.put(field.key(), value);
            }
            if (field.defaultValue() != null
                    && PythonValue.isInstance(value, PythonValue.typeName(field.defaultValue()))) {
                return;
            }
            if (!PythonValue.isInstance(value, field.type())) {
                errors.add(field.key() + " should be <class '" + field.type() + "'> type, not <class '"
                        + PythonValue.typeName(value) + "'>.");
            }
        }
        if (field.countConstraint() && !withinOneAndTwo(value)) {
            errors.add(field.key() + " does not meet the constraints.");
        }
    }

    /** The schema's {@code lambda img_count: 3 > img_count > 0}, with Python's TypeError for non-numbers. */
    private static boolean withinOneAndTwo(JsonNode value) {
        String type = PythonValue.typeName(value);
        if (!"int".equals(type) && !"float".equals(type) && !"bool".equals(type)) {
            throw new PythonError("TypeError", "'>' not supported between instances of 'int' and '" + type + "'");
        }
        double n = value.isBoolean() ? (value.booleanValue() ? 1 : 0) : value.asDouble();
        return 3 > n && n > 0;
    }
}
