package io.sdxlbatch.runpod;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The one place where HTTP statuses and I/O failures become {@link RunpodException}s. */
final class RunpodErrors {

    private static final int MAX_DETAIL = 300;

    private final String endpointId;
    private final Clock clock;

    RunpodErrors(String endpointId, Clock clock) {
        this.endpointId = endpointId;
        this.clock = clock;
    }

    RunpodException fromStatus(Operation op, String jobId, int status, HttpHeaders headers, byte[] body) {
        String detail = detail(body);
        return switch (status) {
            case 401, 403 -> new RunpodException.Unauthorized(op, jobId, status);
            case 404 -> new RunpodException.NotFound(op, jobId, endpointId);
            case 429 -> new RunpodException.RateLimited(op, jobId, retryAfter(headers),
                    "HTTP 429: rate limited by Runpod" + (detail.isEmpty() ? "" : ": " + detail));
            default -> status >= 500
                    ? new RunpodException.ServerError(op, jobId, status, orStatus(detail, "server error"))
                    : new RunpodException.Rejected(op, jobId, status, orStatus(detail, "request refused"));
        };
    }

    /** A failure before any HTTP status: only a failed connect proves that nothing reached the server. */
    RunpodException fromIo(Operation op, String jobId, String target, Exception e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException
                || e.getCause() instanceof ConnectException) {
            return new RunpodException.NotDelivered(op, jobId, target, e);
        }
        String what = e instanceof HttpTimeoutException ? "no answer within the request timeout"
                : e instanceof InterruptedException ? "interrupted while waiting for the answer"
                : "the connection broke before an answer arrived";
        return new RunpodException.NoAnswer(op, jobId, what, e);
    }

    RunpodException unreadable(Operation op, String jobId, Exception e) {
        if (e instanceof java.io.IOException io) {
            return fromIo(op, jobId, "the answer", io);
        }
        return new RunpodException.NoAnswer(op, jobId, "the answer could not be read as Runpod JSON", e);
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unparseable. */
    Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::trim).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration left = Duration.between(clock.instant(), at.toInstant());
                return left.isNegative() ? Duration.ZERO : left;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The server's own words, shortened: Runpod errors are JSON like {"error":"..."}; keep them readable. */
    private static String detail(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, MAX_DETAIL * 2), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }

    private static String orStatus(String detail, String fallback) {
        return detail.isEmpty() ? fallback : detail;
    }
}
