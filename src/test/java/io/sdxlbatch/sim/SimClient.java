package io.sdxlbatch.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test-side HTTP client for the simulator over loopback; polls with a bounded deadline, never asserts time. */
final class SimClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RunpodSimulator simulator;
    private final String authorization;

    SimClient(RunpodSimulator simulator) {
        this(simulator, "Bearer " + simulator.apiKey());
    }

    SimClient(RunpodSimulator simulator, String authorization) {
        this.simulator = simulator;
        this.authorization = authorization;
    }

    SimClient withAuthorization(String header) {
        return new SimClient(simulator, header);
    }

    URI uri(String pathAfterEndpoint) {
        return URI.create(simulator.baseUrl() + "/" + simulator.endpointId() + "/" + pathAfterEndpoint);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(uri(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    /** POST /run with this input object (JSON text) and returns the job id. */
    String submit(String inputJson) throws IOException, InterruptedException {
        return submitBody("{\"input\":" + inputJson + "}");
    }

    String submitBody(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = post("run", body);
        if (response.statusCode() != 200) {
            throw new AssertionError("run answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("id").asString();
    }

    JsonNode status(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = get("status/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("status answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    JsonNode awaitStatus(String id, Predicate<JsonNode> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = status(id);
            if (done.test(status)) {
                return status;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("job " + id + " did not reach the expected state: " + status(id));
    }

    JsonNode awaitFinal(String id) throws IOException, InterruptedException {
        return awaitStatus(id, s -> JobState.valueOf(s.get("status").asString()).isFinal());
    }

    /** Polls until GET status answers 404 (the job expired or was deleted). */
    void awaitGone(String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (get("status/" + id).statusCode() == 404) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("job " + id + " never disappeared");
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
