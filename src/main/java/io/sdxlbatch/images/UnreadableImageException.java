package io.sdxlbatch.images;

/** An output image that could not be turned into a valid PNG. Worth reading again while Runpod still keeps it. */
public class UnreadableImageException extends RuntimeException {

    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
