package io.sdxlbatch.prompts;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Blanks out comment lines (a '#' as the first character of a physical line outside any quoted field) before the
 * CSV parser sees them, keeping the line break so line numbers stay true. Deciding this on raw text, not on parsed
 * cells, keeps a quoted prompt like {@code "#cyberpunk city"} and lets a comment hold an odd number of quotes.
 * Not thread-safe.
 */
final class CommentBlankingReader extends FilterReader {

    private boolean atLineStart = true;
    private boolean inQuotes;
    private boolean inComment;

    CommentBlankingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int c = super.read();
            if (c == -1) {
                return -1;
            }
            if (keep((char) c)) {
                return c;
            }
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n <= 0) {
            return n;
        }
        int kept = offset;
        for (int i = offset; i < offset + n; i++) {
            if (keep(buffer[i])) {
                buffer[kept++] = buffer[i];
            }
        }
        // a whole buffer of comment text keeps nothing: read on rather than report a false end of stream
        return kept == offset ? read(buffer, offset, length) : kept - offset;
    }

    /** Updates the quote and line state for one character and says whether it reaches the parser. */
    private boolean keep(char c) {
        if (inComment) {
            if (c == '\n') {
                inComment = false;
                atLineStart = true;
                return true;
            }
            return false;
        }
        if (atLineStart && !inQuotes && c == '#') {
            inComment = true;
            atLineStart = false;
            return false;
        }
        if (c == '"') {
            inQuotes = !inQuotes;
        }
        atLineStart = c == '\n';
        return true;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
