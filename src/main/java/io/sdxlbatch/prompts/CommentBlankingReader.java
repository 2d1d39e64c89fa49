package io.sdxlbatch.prompts;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Blanks out comment lines (a '#' as the first character of a physical line outside any quoted field) before the
 * CSV parser sees them, keeping the line break so line numbers stay true. Deciding this on raw text, not on parsed
 * cells, keeps a quoted prompt like {@code "#cyberpunk city"} and lets a comment hold an odd number of quotes.
 * Quotes are tracked as RFC 4180 does: a field is quoted only when its first character is '"', a '"' inside an
 * unquoted field is an ordinary character, and {@code ""} inside a quoted field is an escaped quote.
 * Not thread-safe.
 */
final class CommentBlankingReader extends FilterReader {

    private boolean atLineStart = true;
    private boolean atFieldStart = true;
    private boolean inQuotes;
    private boolean justClosedQuote;
    private boolean inComment;

    CommentBlankingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int c = super.read();
            if (c == -1 || keep((char) c)) {
                return c;
            }
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (true) {
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
            // a buffer of nothing but comment keeps nothing: read on rather than report a false end of stream
            if (kept > offset) {
                return kept - offset;
            }
        }
    }

    /** Updates the quote and line state for one character and says whether it reaches the parser. */
    private boolean keep(char c) {
        boolean lineEnd = c == '\n' || c == '\r';
        if (inComment) {
            if (lineEnd) {
                inComment = false;
                atLineStart = true;
                atFieldStart = true;
                return true;
            }
            return false;
        }
        if (inQuotes) {
            if (c == '"') {
                inQuotes = false;
                justClosedQuote = true;
            }
            return true;
        }
        if (atLineStart && c == '#') {
            inComment = true;
            return false;
        }
        if (c == '"' && (atFieldStart || justClosedQuote)) {
            inQuotes = true; // a field's opening quote, or the second quote of an escaped "" pair
        }
        justClosedQuote = false;
        atLineStart = lineEnd;
        atFieldStart = lineEnd || c == ',';
        return true;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
