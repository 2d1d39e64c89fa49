package io.sdxlbatch.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import io.sdxlbatch.runpod.OutputImage;

/**
 * Turns one output image reference into bytes: decodes a base64 data URI (standard alphabet, after the first
 * comma) or downloads a presigned bucket URL. Presigned URLs carry their own signature, so no API key is sent.
 * Thread-safe.
 */
public final class ImageSource {

    private final HttpClient http;
    private final Duration timeout;

    public ImageSource(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Streams the image's bytes to {@code out}: a data URI is base64-decoded as it is read, a URL downloaded as it
     * arrives, so no image is held whole in memory. Throws {@link UnreadableImageException} when the data is broken
     * and {@link ImageUnavailableException} when a download failed this time.
     */
    public void writeTo(OutputImage image, OutputStream out) throws IOException {
        if (!image.isDataUri()) {
            download(image.reference(), out);
            return;
        }
        int start;
        try {
            start = image.payloadOffset();
        } catch (IllegalStateException e) {
            throw new UnreadableImageException(e.getMessage(), e);
        }
        InputStream decoded = Base64.getDecoder().wrap(new CharSequenceStream(image.reference(), start));
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n;
            try {
                n = decoded.read(buffer);
            } catch (IOException e) {
                // decoding from memory has no I/O to fail: any exception here is broken base64
                throw new UnreadableImageException("the base64 data is corrupt (" + e.getMessage() + ")", e);
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
        }
    }

    private void download(String url, OutputStream out) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UnreadableImageException("the image reference is neither a data URI nor a URL", e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new UnreadableImageException("unsupported image reference scheme: " + uri.getScheme(), null);
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ImageUnavailableException("download of " + uri.getHost() + uri.getPath()
                            + " answered HTTP " + response.statusCode(), null);
                }
                body.transferTo(out);
            }
        } catch (IOException e) {
            throw new ImageUnavailableException("download of " + uri.getHost() + uri.getPath() + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageUnavailableException("interrupted while downloading", e);
        }
    }
}
