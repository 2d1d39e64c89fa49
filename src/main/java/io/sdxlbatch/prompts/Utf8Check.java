package io.sdxlbatch.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a whole file is UTF-8 before any row is read, and says on which line it is not: a decoding reader finds
 * bad bytes thousands of lines ahead of the row it hands out, too late and at the wrong line.
 */
final class Utf8Check {

    private static final int BLOCK = 64 * 1024;

    private Utf8Check() {
    }

    /** Throws {@link PromptFileException} naming the line of the first byte that is not UTF-8. */
    static void require(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(BLOCK);
        CharBuffer out = CharBuffer.allocate(BLOCK);
        int line = 1;
        boolean first = true;
        try (InputStream stream = Files.newInputStream(file)) {
            byte[] chunk = new byte[BLOCK];
            int n;
            while ((n = stream.read(chunk, 0, in.remaining())) != -1) {
                if (first && n >= 2 && ((chunk[0] == (byte) 0xFF && chunk[1] == (byte) 0xFE)
                        || (chunk[0] == (byte) 0xFE && chunk[1] == (byte) 0xFF))) {
                    throw new PromptFileException(file + ": the file is UTF-16; save it as UTF-8 (CSV UTF-8)", null);
                }
                first = false;
                in.put(chunk, 0, n).flip();
                line = decode(decoder, in, out, line, false, file);
                in.compact();
            }
            in.flip();
            decode(decoder, in, out, line, true, file);
        }
    }

    private static int decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, int line, boolean end,
                              Path file) {
        int lines = line;
        while (true) {
            CoderResult result = decoder.decode(in, out, end);
            out.flip();
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    lines++;
                }
            }
            out.clear();
            if (result.isError()) {
                throw new PromptFileException(file + ": line " + lines + ": the file is not valid UTF-8; save it as"
                        + " UTF-8 (CSV UTF-8)", null);
            }
            if (result.isUnderflow()) {
                return lines;
            }
        }
    }
}
