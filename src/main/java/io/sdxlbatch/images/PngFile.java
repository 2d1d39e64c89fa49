package io.sdxlbatch.images;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Checks that bytes are a whole, uncorrupted PNG (signature, chunk lengths and CRCs, IHDR first, IEND last) and
 * adds a text chunk without touching the pixel data. Stateless.
 */
public final class PngFile {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngFile() {
    }

    /** Returns null when the bytes are a valid PNG, else what is wrong with them. */
    public static String problem(byte[] png) {
        if (png.length < SIGNATURE.length + 12 || !startsWithSignature(png)) {
            return "not a PNG (bad signature)";
        }
        ByteBuffer buf = ByteBuffer.wrap(png);
        buf.position(SIGNATURE.length);
        String first = null;
        String last = null;
        while (buf.remaining() >= 12) {
            int length = buf.getInt();
            if (length < 0 || length > buf.remaining() - 8) {
                return "truncated PNG (chunk length " + length + " past the end)";
            }
            byte[] typeAndData = new byte[4 + length];
            buf.get(typeAndData);
            if (crc(typeAndData) != Integer.toUnsignedLong(buf.getInt())) {
                return "corrupt PNG (CRC mismatch in a " + type(typeAndData) + " chunk)";
            }
            last = type(typeAndData);
            first = first == null ? last : first;
        }
        if (!"IHDR".equals(first) || !"IEND".equals(last) || buf.hasRemaining()) {
            return "incomplete PNG (must start with IHDR and end with IEND)";
        }
        return null;
    }

    /** Width and height from the IHDR chunk of a valid PNG. */
    public static int[] size(byte[] png) {
        ByteBuffer buf = ByteBuffer.wrap(png);
        return new int[] {buf.getInt(16), buf.getInt(20)};
    }

    /**
     * Inserts a text chunk right after IHDR: tEXt when the text is Latin-1 (what most tools read for
     * "parameters"), iTXt (UTF-8) otherwise so non-Latin prompts survive.
     */
    public static byte[] withText(byte[] png, String keyword, String text) {
        int afterIhdr = SIGNATURE.length + 8 + ByteBuffer.wrap(png).getInt(SIGNATURE.length) + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + text.length() + 64);
        out.write(png, 0, afterIhdr);
        writeChunk(out, textChunk(keyword, text));
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static byte[] textChunk(String keyword, String text) {
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(text);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes((latin1 ? "tEXt" : "iTXt").getBytes(StandardCharsets.US_ASCII));
        chunk.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        chunk.write(0);
        if (latin1) {
            chunk.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            chunk.writeBytes(new byte[] {0, 0, 0, 0}); // no compression, method 0, empty language, empty keyword
            chunk.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        return chunk.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, byte[] typeAndData) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(typeAndData.length - 4).array());
        out.writeBytes(typeAndData);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc(typeAndData)).array());
    }

    private static long crc(byte[] typeAndData) {
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return crc.getValue();
    }

    private static String type(byte[] typeAndData) {
        return new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
    }

    private static boolean startsWithSignature(byte[] png) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
