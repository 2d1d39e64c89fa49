package io.sdxlbatch.report;

/**
 * A small picture of one image, embedded in report.html so the page needs nothing else, linking to the full image.
 *
 * @param href    the full image, relative to the report folder (e.g. {@code ../images/cat.png})
 * @param dataUri {@code data:image/jpeg;base64,...}
 */
public record Thumbnail(int line, String promptId, String href, String dataUri) {
}
