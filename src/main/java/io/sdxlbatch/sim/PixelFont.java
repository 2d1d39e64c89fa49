package io.sdxlbatch.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * A built-in 3x5 bitmap font drawn as blocks of pixels, because a fresh headless JDK may have no fonts
 * (no fontconfig) and AWT text would then fail. Immutable and thread-safe.
 */
final class PixelFont {

    static final int GLYPH_WIDTH = 3;
    static final int GLYPH_HEIGHT = 5;
    /** Horizontal advance in font pixels, including one pixel of spacing. */
    static final int ADVANCE = GLYPH_WIDTH + 1;

    private static final Map<Character, String> GLYPHS = glyphs();

    private PixelFont() {
    }

    /**
     * Draws upper-cased {@code text} into a row-major ARGB/RGB pixel array, each font pixel a
     * {@code scale} x {@code scale} block; pixels outside the image are skipped.
     */
    static void draw(int[] pixels, int width, int height, String text, int x, int y, int scale, int rgb) {
        for (int i = 0; i < text.length(); i++) {
            String glyph = GLYPHS.getOrDefault(Character.toUpperCase(text.charAt(i)), GLYPHS.get('?'));
            drawGlyph(pixels, width, height, glyph, x + i * ADVANCE * scale, y, scale, rgb);
        }
    }

    private static void drawGlyph(int[] pixels, int width, int height, String glyph, int x, int y, int scale,
            int rgb) {
        for (int bit = 0; bit < glyph.length(); bit++) {
            if (glyph.charAt(bit) == '1') {
                fillBlock(pixels, width, height, x + (bit % GLYPH_WIDTH) * scale, y + (bit / GLYPH_WIDTH) * scale,
                        scale, rgb);
            }
        }
    }

    static void fillBlock(int[] pixels, int width, int height, int x0, int y0, int size, int rgb) {
        for (int y = Math.max(0, y0); y < Math.min(height, y0 + size); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x0 + size); x++) {
                pixels[y * width + x] = rgb;
            }
        }
    }

    /** Fills whole rows {@code [y0, y1)} with one colour. */
    static void fillBlockRows(int[] pixels, int width, int height, int y0, int y1, int rgb) {
        java.util.Arrays.fill(pixels, Math.max(0, y0) * width, Math.min(height, y1) * width, rgb);
    }

    private static Map<Character, String> glyphs() {
        String[] table = {
            "A010101111101101", "B110101110101110", "C011100100100011", "D110101101101110",
            "E111100110100111", "F111100110100100", "G011100101101011", "H101101111101101",
            "I111010010010111", "J001001001101010", "K101101110101101", "L100100100100111",
            "M101111111101101", "N110101101101101", "O010101101101010", "P110101110100100",
            "Q010101101110011", "R110101110101101", "S011100010001110", "T111010010010010",
            "U101101101101111", "V101101101101010", "W101101111111101", "X101101010101101",
            "Y101101010010010", "Z111001010100111", "0111101101101111", "1010110010010111",
            "2110001010100111", "3110001010001110", "4101101111001001", "5111100110001110",
            "6011100111101111", "7111001010010010", "8111101111101111", "9111101111001110",
            " 000000000000000", "-000000111000000", ".000000000000010", ",000000000010100",
            "!010010010000010", "?110001010000010", "'010010000000000", ":000010000010000",
        };
        Map<Character, String> glyphs = new HashMap<>();
        for (String row : table) {
            glyphs.put(row.charAt(0), row.substring(1));
        }
        return glyphs;
    }
}
