package io.sdxlbatch.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small JPEG copies of a run's images for report.html, embedded as data URIs so the page needs no other file. An
 * image that cannot be read is left out, never fatal: the report matters more than one picture. Stateless.
 */
public final class Thumbnails {

    static final int MAX_SIDE = 160;
    private static final float QUALITY = 0.8f;
    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    static {
        // Scaling needs java.awt but no display; on a server without one, AWT would fail to start otherwise.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Thumbnails() {
    }

    /**
     * Thumbnails of the images of COMPLETED rows, in row order, at most {@code max}.
     *
     * @param reportDir the run's report folder; image paths in the ledger are relative to its parent
     */
    public static List<Thumbnail> of(Path reportDir, List<JobRow> rows, int max) {
        Path runDir = reportDir.toAbsolutePath().getParent();
        List<Candidate> candidates = new ArrayList<>();
        for (JobRow row : rows) {
            if ("COMPLETED".equals(row.status()) && row.entry().images() != null) {
                for (String image : row.entry().images().split(";")) {
                    if (!image.isBlank()) {
                        candidates.add(new Candidate(row, image.strip()));
                    }
                }
            }
        }
        // decoding is most of a report's time and each image is its own work: on every core, in batches just big
        // enough to fill what is left, so an unreadable image is replaced by the next one as before
        List<Thumbnail> out = new ArrayList<>();
        int next = 0;
        while (out.size() < max && next < candidates.size()) {
            List<Candidate> batch = candidates.subList(next, Math.min(candidates.size(), next + max - out.size()));
            next += batch.size();
            batch.parallelStream().map(c -> thumbnail(runDir.resolve(c.image()))
                            .map(uri -> new Thumbnail(c.row().entry().line(), c.row().entry().promptId(),
                                    href(c.image()), uri)))
                    .toList().forEach(t -> t.ifPresent(out::add));
        }
        return out;
    }

    private record Candidate(JobRow row, String image) {
    }

    /** A data URI of the image scaled down, or empty when it cannot be read. */
    static Optional<String> thumbnail(Path file) {
        try {
            BufferedImage image = read(file);
            if (image == null) {
                log.warn("Thumbnail of {} left out: not an image ImageIO can read", file);
                return Optional.empty();
            }
            byte[] jpeg = jpeg(scale(image, MAX_SIDE));
            return Optional.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
        } catch (IOException | RuntimeException e) {
            // A truncated PNG can make a decoder throw unchecked exceptions too; either way this image is skipped.
            log.warn("Thumbnail of {} left out: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Decodes every n-th pixel of every n-th row only, keeping at least three times the thumbnail's side: a
     * 1024 px image is read at 512 px, which halves the decoding, and the smoothing halvings of {@link #scale}
     * still have pixels to average. Null when no reader knows the format.
     */
    static BufferedImage read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IIOException("Can't read input file!");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / (3 * MAX_SIDE));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Fits the image in max x max. Halving step by step before the last bilinear pass keeps edges smooth; one
     * bilinear jump from 1024 to 160 px would skip most pixels and alias. Alpha is flattened onto white, as JPEG has
     * none.
     */
    static BufferedImage scale(BufferedImage source, int max) {
        double factor = Math.min(1.0, (double) max / Math.max(source.getWidth(), source.getHeight()));
        int targetW = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int targetH = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage current = draw(source, source.getWidth(), source.getHeight());
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == targetW && current.getHeight() == targetH ? current
                : draw(current, targetW, targetH);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The full image relative to the report folder, as a URL path: a space or '#' in a file name stays a name. */
    static String href(String relative) {
        try {
            return new URI(null, null, "../" + relative.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return "../" + relative;
        }
    }
}
