package io.sdxlbatch.runpod;

/**
 * One image of a job's output: either a {@code data:image/png;base64,...} URI or, when the endpoint uploads to a
 * bucket, a presigned https URL to download.
 *
 * @param seed the seed the worker used, or null if it did not say
 */
public record OutputImage(String reference, Long seed) {

    public boolean isDataUri() {
        return reference.regionMatches(true, 0, "data:", 0, 5);
    }

    /** The base64 text after the data URI's first comma (standard alphabet); only for data URIs. */
    public String base64Payload() {
        return reference.substring(payloadOffset());
    }

    /**
     * Where the base64 text starts in {@link #reference()}, so a decoder can stream it without a copy; throws
     * IllegalStateException for anything but a data URI with a comma.
     */
    public int payloadOffset() {
        int comma = reference.indexOf(',');
        if (!isDataUri() || comma < 0) {
            throw new IllegalStateException("not a base64 data URI: " + abbreviated());
        }
        return comma + 1;
    }

    /** For messages: the scheme and first characters, never a whole multi-megabyte payload. */
    public String abbreviated() {
        return reference.length() <= 40 ? reference : reference.substring(0, 40) + "...";
    }

    @Override
    public String toString() {
        return "OutputImage[" + abbreviated() + ", seed=" + seed + "]";
    }
}
