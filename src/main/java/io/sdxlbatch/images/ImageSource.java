package io.sdxlbatch.images;

import java.io.IOException;
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
     * The image's bytes; throws {@link UnreadableImageException} when the data is broken, and
     * {@link ImageUnavailableException} when a download failed this time.
     */
    public byte[] bytes(OutputImage image) {
        if (image.isDataUri()) {
            try {
                return Base64.getDecoder().decode(image.base64Payload());
            } catch (IllegalArgumentException e) {
                throw new UnreadableImageException("the base64 data is corrupt (" + e.getMessage() + ")", e);
            } catch (IllegalStateException e) {
                throw new UnreadableImageException(e.getMessage(), e);
            }
        }
        return download(image.reference());
    }

    private byte[] download(String url) {
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
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ImageUnavailableException("download of " + uri.getHost() + uri.getPath()
                        + " answered HTTP " + response.statusCode(), null);
            }
            return response.body();
        } catch (IOException e) {
            throw new ImageUnavailableException("download of " + uri.getHost() + uri.getPath() + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageUnavailableException("interrupted while downloading", e);
        }
    }
}
