package io.sdxlbatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;

class ThumbnailsTest {

    @TempDir
    Path run;
    Path report;

    @BeforeEach
    void runFolder() throws IOException {
        report = Files.createDirectories(run.resolve("report"));
        Files.createDirectories(run.resolve("images"));
        BufferedImage wide = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        paint(wide, new Color(200, 30, 30));
        ImageIO.write(wide, "png", run.resolve("images/wide.png").toFile());
        // a transparent tall image: JPEG has no alpha, so it must come out on white, not black
        ImageIO.write(new BufferedImage(300, 600, BufferedImage.TYPE_INT_ARGB), "png",
                run.resolve("images/tall one#2.png").toFile());
        Files.write(run.resolve("images/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    }

    private static JobRow row(int line, LedgerState state, String images) {
        return new JobRow(new LedgerEntry("r", line, "p" + line, null, null, state, "j", null, 1, 0, false, null, null,
                null, null, null, null, null, 1, images, null), null, null, null, null, null);
    }

    @Test
    void givenCompletedRows_whenThumbnailed_thenEachImageIsASmallJpegLinkingToTheFullImage() throws IOException {
        List<Thumbnail> thumbs = Thumbnails.of(report, List.of(
                row(2, LedgerState.DONE, "images/wide.png"),
                row(3, LedgerState.FAILED, "images/wide.png"),
                row(4, LedgerState.DONE, "images/broken.png;images/tall one#2.png")), 10);

        assertThat(thumbs).extracting(Thumbnail::line, Thumbnail::promptId, Thumbnail::href).containsExactly(
                tuple(2, "p2", "../images/wide.png"),
                tuple(4, "p4", "../images/tall%20one%232.png"));
        BufferedImage wide = decodeJpeg(thumbs.get(0).dataUri());
        assertThat(wide.getWidth()).isEqualTo(160);
        assertThat(wide.getHeight()).isEqualTo(120);
        assertThat(new Color(wide.getRGB(80, 60)).getRed()).isBetween(185, 215);
        BufferedImage tall = decodeJpeg(thumbs.get(1).dataUri());
        assertThat(tall.getWidth()).isEqualTo(80);
        assertThat(tall.getHeight()).isEqualTo(160);
        assertThat(new Color(tall.getRGB(40, 80)).getGreen()).isGreaterThan(245);
    }

    @Test
    void givenAMaximum_whenThumbnailed_thenItStopsThere() {
        List<Thumbnail> thumbs = Thumbnails.of(report, List.of(
                row(2, LedgerState.DONE, "images/wide.png;images/tall one#2.png"),
                row(3, LedgerState.DONE, "images/wide.png")), 2);

        assertThat(thumbs).extracting(Thumbnail::line).containsExactly(2, 2);
    }

    @Test
    void givenUnreadableImageWithinTheMaximum_whenThumbnailed_thenTheNextReadableTakesItsPlaceInRowOrder() {
        List<JobRow> rows = new java.util.ArrayList<>();
        for (int line = 2; line <= 30; line++) {
            rows.add(row(line, LedgerState.DONE, line == 3 || line == 5 ? "images/broken.png" : "images/wide.png"));
        }

        List<Thumbnail> thumbs = Thumbnails.of(report, rows, 6);

        assertThat(thumbs).extracting(Thumbnail::line).containsExactly(2, 4, 6, 7, 8, 9);
    }

    @Test
    void givenPhotographSizedImage_whenThumbnailed_thenFineDetailIsAveragedNotAliased() throws IOException {
        // one-pixel black and white stripes: read every other pixel, they would come out all black or all white
        BufferedImage stripes = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 1024; x++) {
            for (int y = 0; y < 1024; y++) {
                stripes.setRGB(x, y, (x / 3) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        ImageIO.write(stripes, "png", run.resolve("images/stripes.png").toFile());

        BufferedImage thumb = decodeJpeg(Thumbnails.of(report, List.of(row(2, LedgerState.DONE,
                "images/stripes.png")), 1).get(0).dataUri());

        assertThat(new Color(thumb.getRGB(80, 80)).getGreen()).isBetween(70, 185);
    }

    @Test
    void givenOnlyUnreadableOrMissingImages_whenThumbnailed_thenNoneAndNoError() {
        List<Thumbnail> thumbs = Thumbnails.of(report, List.of(
                row(2, LedgerState.DONE, "images/broken.png"),
                row(3, LedgerState.DONE, "images/gone.png")), 10);

        assertThat(thumbs).isEmpty();
    }

    private static void paint(BufferedImage image, Color color) {
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
    }

    /** Decodes with the JPEG reader only, so a PNG passed off as a thumbnail fails the test. */
    private static BufferedImage decodeJpeg(String dataUri) throws IOException {
        assertThat(dataUri).startsWith("data:image/jpeg;base64,");
        byte[] bytes = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        assertThat(bytes).startsWith((byte) 0xFF, (byte) 0xD8);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }
}
