package io.sdxlbatch.runpod;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A bare HTTP server on 127.0.0.1 that answers from a script, for client tests that need exact statuses,
 * headers and broken connections. Records every request it receives.
 */
public final class ScriptedServer implements AutoCloseable {

    /** One scripted answer; {@code drop} closes the connection without any response. */
    public record Answer(int status, Map<String, String> headers, byte[] body, boolean drop, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"),
                    body.getBytes(StandardCharsets.UTF_8), false, 0);
        }

        public static Answer binary(int status, String contentType, byte[] body) {
            return new Answer(status, Map.of("Content-Type", contentType), body, false, 0);
        }

        public static Answer status(int status, String body, String header, String value) {
            return new Answer(status, Map.of(header, value), body.getBytes(StandardCharsets.UTF_8), false, 0);
        }

        public static Answer dropConnection() {
            return new Answer(0, Map.of(), new byte[0], true, 0);
        }

        Answer delayed(long millis) {
            return new Answer(status, headers, body, drop, millis);
        }
    }

    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private Answer fallback = Answer.json(200, "{}");

    public ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2");
    }

    public synchronized ScriptedServer then(Answer answer) {
        script.add(answer);
        return this;
    }

    public synchronized ScriptedServer always(Answer answer) {
        fallback = answer;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private synchronized Answer next() {
        return script.isEmpty() ? fallback : script.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            respond(exchange, next());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer.drop()) {
            // Throwing from a handler makes the JDK server close the connection with no response at all.
            throw new IOException("scripted drop");
        }
        byte[] bytes = answer.body();
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
