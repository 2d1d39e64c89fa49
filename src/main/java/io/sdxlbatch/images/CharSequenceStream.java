package io.sdxlbatch.images;

import java.io.InputStream;

/**
 * Reads the ASCII characters of a string from an offset as bytes, without copying it: base64 text handed to a
 * streaming decoder this way never exists twice in memory. Characters above 0xFF are passed on as '?', which the
 * decoder then rejects as not base64. Not thread-safe.
 */
final class CharSequenceStream extends InputStream {

    private final CharSequence text;
    private int position;

    CharSequenceStream(CharSequence text, int offset) {
        this.text = text;
        this.position = offset;
    }

    @Override
    public int read() {
        if (position >= text.length()) {
            return -1;
        }
        char c = text.charAt(position++);
        return c <= 0xFF ? c : '?';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= text.length()) {
            return -1;
        }
        int n = Math.min(length, text.length() - position);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(position++);
            buffer[offset + i] = (byte) (c <= 0xFF ? c : '?');
        }
        return n;
    }
}
