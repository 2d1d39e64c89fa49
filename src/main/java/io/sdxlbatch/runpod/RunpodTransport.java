package io.sdxlbatch.runpod;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one HTTP request to the endpoint and returns the 2xx body, or throws the mapped {@link RunpodException}.
 * One attempt, no retries. The API key goes only into the Authorization header. Thread-safe.
 */
final class RunpodTransport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunpodTransport.class);

    static {
        // The JDK client keeps idle connections 20 minutes; servers and proxies close theirs far sooner, and a
        // request on a connection closed under it fails with no answer. Drop idle ones before servers usually do.
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        }
    }

    private final HttpClient http;
    private final RunpodSettings settings;
    private final RunpodErrors errors;
    private final ApiCallStats stats;
    private final Clock clock;

    RunpodTransport(RunpodSettings settings, Clock clock, ApiCallStats stats) {
        this.settings = settings;
        this.stats = stats;
        this.clock = clock;
        this.errors = new RunpodErrors(settings.endpointId(), clock);
        // HTTP/1.1: a dropped connection then means exactly one lost request, which keeps "sent but no answer"
        // precise; the connection pool gives the parallelism HTTP/2 would.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeouts().connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    RunpodErrors errors() {
        return errors;
    }

    /**
     * The 2xx answer as a stream the caller must close. Streamed, not buffered: a status answer can carry two
     * multi-megabyte base64 images, and parsing straight from the socket keeps one copy in memory, not two.
     */
    InputStream send(Operation op, String jobId, String query, byte[] body, Duration extraWait) {
        URI uri = uri(op, jobId, query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeouts().request().plus(extraWait))
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Accept", "application/json")
                .header("User-Agent", "sdxl-batch");
        if (op.method().equals("POST")) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : body));
        } else {
            request.GET();
        }
        stats.countSent(op);
        long sentAt = clock.millis();
        HttpResponse<InputStream> response = exchange(op, jobId, request.build(), sentAt);
        int status = response.statusCode();
        // the request line and status only: headers carry the API key, bodies carry prompts and images
        log.debug("{} {} -> {} in {} ms", op.method(), pathOf(uri), status, clock.millis() - sentAt);
        if (status >= 200 && status < 300) {
            return response.body();
        }
        if (status == 429) {
            stats.countRateLimited();
        }
        throw errors.fromStatus(op, jobId, status, response.headers(), errorBody(response));
    }

    /** An error answer's first bytes, for the message; the rest is drained so the connection can be reused. */
    private static byte[] errorBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] head = in.readNBytes(4096);
            in.transferTo(OutputStream.nullOutputStream());
            return head;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private HttpResponse<InputStream> exchange(Operation op, String jobId, HttpRequest request, long sentAt) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            log.debug("{} {} -> no answer after {} ms ({})", op.method(), pathOf(request.uri()),
                    clock.millis() - sentAt, e.toString());
            throw errors.fromIo(op, jobId, settings.baseUrl().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.fromIo(op, jobId, settings.baseUrl().toString(), e);
        }
    }

    private URI uri(Operation op, String jobId, String query) {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        StringBuilder s = new StringBuilder(base).append('/').append(encode(settings.endpointId()))
                .append('/').append(op.path());
        if (jobId != null) {
            s.append('/').append(encode(jobId));
        }
        if (query != null) {
            s.append('?').append(query);
        }
        return URI.create(s.toString());
    }

    private static String pathOf(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
