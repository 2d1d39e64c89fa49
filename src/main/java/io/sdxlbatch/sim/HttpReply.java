package io.sdxlbatch.sim;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HTTP answer: status, JSON body and extra headers. {@code drop} means "close the connection without
 * answering". Immutable.
 */
record HttpReply(int status, byte[] body, Map<String, String> headers, boolean drop) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static HttpReply json(int status, JsonNode body) {
        return new HttpReply(status, JSON.writeValueAsBytes(body), Map.of(), false);
    }

    static HttpReply error(int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", message);
        return json(status, body);
    }

    static HttpReply tooManyRequests(long retryAfterSeconds, String message) {
        HttpReply reply = error(429, message);
        return new HttpReply(429, reply.body(), Map.of("Retry-After", Long.toString(retryAfterSeconds)), false);
    }

    static HttpReply dropConnection() {
        return new HttpReply(0, new byte[0], Map.of(), true);
    }
}
