package io.sdxlbatch.sim;

import tools.jackson.databind.JsonNode;

/**
 * How Python (json.loads, then isinstance / repr) sees a JSON value, so simulated worker messages read
 * exactly like the real ones. Stateless and thread-safe.
 */
final class PythonValue {

    private PythonValue() {
    }

    /** The Python type name json.loads gives this node. */
    static String typeName(JsonNode node) {
        if (node == null || node.isNull()) {
            return "NoneType";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        if (node.isString()) {
            return "str";
        }
        return node.isArray() ? "list" : "dict";
    }

    /** Python's isinstance for the schema types; bool is a subclass of int in Python. */
    static boolean isInstance(JsonNode node, String type) {
        String actual = typeName(node);
        return actual.equals(type) || ("int".equals(type) && "bool".equals(actual));
    }

    /** {@code str()} of an int or bool as Python prints it in an f-string. */
    static String str(JsonNode node) {
        return node.isBoolean() ? (node.booleanValue() ? "True" : "False") : node.asString();
    }

    /** An int or bool as a Java long (bool counts as 0 or 1, as in Python arithmetic). */
    static long asLong(JsonNode node) {
        return node.isBoolean() ? (node.booleanValue() ? 1 : 0) : node.asLong();
    }

    /** {@code repr()} of a str: single quotes unless the text holds one. */
    static String repr(String text) {
        return text.contains("'") && !text.contains("\"") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
