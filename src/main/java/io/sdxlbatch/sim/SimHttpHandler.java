package io.sdxlbatch.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The request pipeline: route, count, faults, auth, endpoint, rate limit, operation, answer.
 * Thread-safe: holds no request state; collaborators are thread-safe.
 */
final class SimHttpHandler implements HttpHandler {

    private final SimulatorSettings settings;
    private final RequestCounters counters;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final ApiOperations operations;

    SimHttpHandler(SimulatorSettings settings, RequestCounters counters, RateLimiter rateLimiter,
            FaultInjector faults, ApiOperations operations) {
        this.settings = settings;
        this.counters = counters;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.operations = operations;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpReply reply;
            try {
                reply = answer(exchange);
            } catch (SubmitRequest.BadRequest e) {
                reply = HttpReply.error(400, e.getMessage());
            } catch (RuntimeException e) {
                reply = HttpReply.error(500, "internal simulator error: " + e);
            }
            send(exchange, reply);
        }
    }

    private HttpReply answer(HttpExchange exchange) throws IOException {
        Optional<ApiRoute> parsed = ApiRoute.parse(exchange.getRequestURI().getPath());
        if (parsed.isEmpty()) {
            return HttpReply.error(404, "not found");
        }
        ApiRoute route = parsed.get();
        counters.increment(route.operation());
        if (faults.drop()) {
            return HttpReply.dropConnection();
        }
        Pause.realMs(faults.slowMs());
        Optional<HttpReply> rejection = reject(exchange, route);
        if (rejection.isPresent()) {
            return rejection.get();
        }
        return dispatch(exchange, route);
    }

    private Optional<HttpReply> reject(HttpExchange exchange, ApiRoute route) {
        if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Optional.of(HttpReply.error(401, "Unauthorized"));
        }
        if (!settings.endpointId().equals(route.endpointId())) {
            return Optional.of(HttpReply.error(404, "endpoint " + route.endpointId() + " not found"));
        }
        if (!route.allows(exchange.getRequestMethod())) {
            return Optional.of(HttpReply.error(405, "method " + exchange.getRequestMethod() + " not allowed"));
        }
        OptionalLong wait = rateLimiter.acquire(route.operation());
        if (wait.isPresent()) {
            return Optional.of(HttpReply.tooManyRequests(wait.getAsLong(), "rate limit exceeded for /"
                    + route.operation()));
        }
        OptionalInt injected429 = faults.tooManyRequests();
        if (injected429.isPresent()) {
            return Optional.of(HttpReply.tooManyRequests(injected429.getAsInt(), "too many requests"));
        }
        OptionalInt serverError = faults.serverError();
        return serverError.isPresent()
                ? Optional.of(HttpReply.error(serverError.getAsInt(), "server error (simulated)"))
                : Optional.empty();
    }

    /** Accepts "Bearer KEY" as the SDKs send it and the bare key as some Runpod doc examples do. */
    private boolean authorised(String header) {
        if (header == null) {
            return false;
        }
        String value = header.trim();
        String key = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
        return settings.apiKey().equals(key);
    }

    private HttpReply dispatch(HttpExchange exchange, ApiRoute route) throws IOException {
        return switch (route.operation()) {
            case "run" -> operations.run(readBody(exchange, ApiOperations.bodyLimit("run")));
            case "runsync" -> operations.runsync(readBody(exchange, ApiOperations.bodyLimit("runsync")),
                    queryParameter(exchange, "wait"));
            case "status" -> operations.status(route.jobId());
            case "cancel" -> operations.cancel(route.jobId());
            case "retry" -> operations.retry(route.jobId());
            case "purge-queue" -> operations.purgeQueue();
            default -> operations.health();
        };
    }

    private static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new SubmitRequest.BadRequest("request body is larger than " + limit / (1024 * 1024) + " MB");
            }
            return body;
        }
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * A drop closes the exchange before any response headers: HttpServer then closes the socket and the
     * client sees an IOException with no status at all (checked by FaultInjectionTest).
     */
    private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
        if (reply.drop()) {
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }
}
