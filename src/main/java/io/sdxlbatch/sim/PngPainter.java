package io.sdxlbatch.sim;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Paints a stand-in for an SDXL image: a seeded gradient with a few shapes and the first words of the
 * prompt in a pixel font, so a person can tell images apart. Deterministic for (prompt, seed, size, index).
 * Stateless and thread-safe.
 */
final class PngPainter {

    private static final int MAX_LINES = 3;

    private final int grain;

    /** @param grain 0..255 random added per channel: 0 paints small PNGs, 3 about 1.6 MB at 1024x1024 */
    PngPainter(int grain) {
        this.grain = grain;
    }

    PngPainter() {
        this(0);
    }

    byte[] paint(String prompt, long seed, int width, int height, int index) {
        SplittableRandom random = new SplittableRandom(mix(prompt, seed, width, height, index));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        gradient(pixels, width, height, random.nextInt(0x1000000), random.nextInt(0x1000000));
        shapes(pixels, width, height, random);
        grain(pixels, random);
        caption(pixels, width, height, prompt == null ? "" : prompt);
        return encode(image);
    }

    private static long mix(String prompt, long seed, int width, int height, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + (prompt == null ? 0 : prompt.hashCode());
        return ((h * 31 + width) * 31 + height) * 31 + index;
    }

    /** Noise the encoder cannot compress away, so the PNG has the size of a real photograph. */
    private void grain(int[] pixels, SplittableRandom random) {
        if (grain == 0) {
            return;
        }
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int r = clamp(((p >> 16) & 0xFF) + random.nextInt(-grain, grain + 1));
            int g = clamp(((p >> 8) & 0xFF) + random.nextInt(-grain, grain + 1));
            int b = clamp((p & 0xFF) + random.nextInt(-grain, grain + 1));
            pixels[i] = (r << 16) | (g << 8) | b;
        }
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    private static void gradient(int[] pixels, int width, int height, int from, int to) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = (x + (double) y) / Math.max(1, width + height - 2);
                pixels[y * width + x] = blend(from, to, t);
            }
        }
    }

    private static int blend(int from, int to, double t) {
        int r = (int) (((from >> 16) & 0xFF) * (1 - t) + ((to >> 16) & 0xFF) * t);
        int g = (int) (((from >> 8) & 0xFF) * (1 - t) + ((to >> 8) & 0xFF) * t);
        int b = (int) ((from & 0xFF) * (1 - t) + (to & 0xFF) * t);
        return (r << 16) | (g << 8) | b;
    }

    private static void shapes(int[] pixels, int width, int height, SplittableRandom random) {
        int count = 3 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int size = Math.max(1, Math.min(width, height) / (3 + random.nextInt(5)));
            PixelFont.fillBlock(pixels, width, height, random.nextInt(Math.max(1, width)),
                    random.nextInt(Math.max(1, height)), size, random.nextInt(0x1000000));
        }
    }

    /** Wraps the prompt's first words onto up to three lines, white on a dark band for contrast. */
    private static void caption(int[] pixels, int width, int height, String prompt) {
        int scale = Math.max(1, width / (24 * PixelFont.ADVANCE));
        int perLine = Math.max(1, (width - 2 * scale) / (PixelFont.ADVANCE * scale));
        List<String> lines = wrap(prompt, perLine);
        int lineHeight = (PixelFont.GLYPH_HEIGHT + 2) * scale;
        PixelFont.fillBlockRows(pixels, width, height, 0, lines.size() * lineHeight + scale, 0x202020);
        for (int i = 0; i < lines.size(); i++) {
            PixelFont.draw(pixels, width, height, lines.get(i), scale, scale + i * lineHeight, scale, 0xFFFFFF);
        }
    }

    private static List<String> wrap(String prompt, int perLine) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : prompt.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() == MAX_LINES) {
                    return lines;
                }
            }
            line.append(line.length() > 0 ? " " : "").append(word, 0, Math.min(word.length(), perLine));
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode PNG", e);
        }
    }
}
