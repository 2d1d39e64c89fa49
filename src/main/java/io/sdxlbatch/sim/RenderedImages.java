package io.sdxlbatch.sim;

import java.util.Base64;
import java.util.List;

/**
 * The PNG images of one completed job, painted once on first use and kept until the job expires, so every
 * read serves the same bytes. Thread-safe: painting is guarded by this object's lock and the result is
 * immutable.
 */
final class RenderedImages {

    private final PngPainter painter;
    private final JobOutcome.Success spec;
    private List<byte[]> pngs;
    private List<String> dataUris;

    RenderedImages(PngPainter painter, JobOutcome.Success spec) {
        this.painter = painter;
        this.spec = spec;
    }

    long seed() {
        return spec.seed();
    }

    /** Copies of the PNG files, so a caller cannot change what the endpoint serves. */
    List<byte[]> pngs() {
        return paint().stream().map(byte[]::clone).toList();
    }

    /** {@code data:image/png;base64,...} with standard base64, as worker-sdxl 2.1.0 builds them. */
    synchronized List<String> dataUris() {
        if (dataUris == null) {
            dataUris = paint().stream()
                    .map(png -> "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
                    .toList();
        }
        return dataUris;
    }

    private synchronized List<byte[]> paint() {
        if (pngs == null) {
            pngs = java.util.stream.IntStream.range(0, spec.count())
                    .mapToObj(i -> painter.paint(spec.prompt(), spec.seed(), spec.width(), spec.height(), i))
                    .toList();
        }
        return pngs;
    }
}
