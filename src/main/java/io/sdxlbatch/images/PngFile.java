package io.sdxlbatch.images;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Checks that a PNG is whole and uncorrupted (signature, chunk lengths and CRCs, IHDR first, IEND last) and copies
 * one with a text chunk added, without touching the pixel data. Both stream through a small buffer, so a large
 * image never has to sit in memory. Stateless.
 */
public final class PngFile {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int BUFFER = 64 * 1024;
    /** Signature, then IHDR: length (4), type (4), 13 bytes of data, CRC (4). */
    private static final int THROUGH_IHDR = 8 + 4 + 4 + 13 + 4;

    private PngFile() {
    }

    /** Returns null when the file is a valid PNG, else what is wrong with it. */
    public static String problem(Path png) {
        try (InputStream in = Files.newInputStream(png)) {
            return problem(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + png, e);
        }
    }

    /** The same check on bytes in memory. */
    public static String problem(byte[] png) {
        try {
            return problem(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String problem(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, BUFFER));
        byte[] signature = in.readNBytes(SIGNATURE.length);
        if (!java.util.Arrays.equals(signature, SIGNATURE)) {
            return "not a PNG (bad signature)";
        }
        String first = null;
        String last = null;
        byte[] buffer = new byte[BUFFER];
        try {
            while (!"IEND".equals(last)) {
                byte[] lengthBytes = in.readNBytes(4);
                if (lengthBytes.length == 0) {
                    return "incomplete PNG (must start with IHDR and end with IEND)";
                }
                if (lengthBytes.length < 4) {
                    throw new EOFException();
                }
                long length = Integer.toUnsignedLong(ByteBuffer.wrap(lengthBytes).getInt());
                byte[] type = in.readNBytes(4);
                CRC32 crc = new CRC32();
                crc.update(type);
                for (long left = length; left > 0; ) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        return "truncated PNG (a " + name(type) + " chunk runs past the end)";
                    }
                    crc.update(buffer, 0, n);
                    left -= n;
                }
                if (crc.getValue() != Integer.toUnsignedLong(in.readInt())) {
                    return "corrupt PNG (CRC mismatch in a " + name(type) + " chunk)";
                }
                last = name(type);
                first = first == null ? last : first;
            }
        } catch (EOFException e) {
            return "truncated PNG (ends inside a chunk)";
        }
        return "IHDR".equals(first) && in.read() == -1 ? null
                : "incomplete PNG (must start with IHDR and end with IEND)";
    }

    /**
     * Writes {@code png} to {@code out} with a text chunk right after IHDR: tEXt when the text is Latin-1 (what most
     * tools read for "parameters"), iTXt (UTF-8) otherwise so non-Latin prompts survive. Streams the rest.
     */
    public static void copyWithText(Path png, OutputStream out, String keyword, String text) {
        try (InputStream in = Files.newInputStream(png)) {
            out.write(in.readNBytes(THROUGH_IHDR));
            writeChunk(out, textChunk(keyword, text));
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + png, e);
        }
    }

    /** The same copy on bytes in memory. */
    public static byte[] withText(byte[] png, String keyword, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + text.length() + 64);
        out.write(png, 0, THROUGH_IHDR);
        try {
            writeChunk(out, textChunk(keyword, text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write(png, THROUGH_IHDR, png.length - THROUGH_IHDR);
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

    private static void writeChunk(OutputStream out, byte[] typeAndData) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.write(ByteBuffer.allocate(4).putInt(typeAndData.length - 4).array());
        out.write(typeAndData);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String name(byte[] type) {
        return new String(type, StandardCharsets.US_ASCII);
    }
}
