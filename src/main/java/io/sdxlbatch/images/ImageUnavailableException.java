package io.sdxlbatch.images;

/**
 * An image behind a URL could not be downloaded this time (network, HTTP status). Unlike corrupt data it says
 * nothing about the image: try again later.
 */
public class ImageUnavailableException extends RuntimeException {

    public ImageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
