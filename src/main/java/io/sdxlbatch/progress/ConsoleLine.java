package io.sdxlbatch.progress;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * One status line at the bottom of a terminal, redrawn in place, with all other console output scrolling above it.
 * Other output must go through {@link #otherOutput()}: {@link #overSystemOut} installs it as {@code System.out},
 * which Logback's console appender looks up on every write, so log lines and plain {@code println}s both pass
 * here. The status line is erased before such output and drawn again after each complete line of it, so a log
 * line never lands in the middle of the status line. (Owning the stream is simpler and more robust than teaching
 * the logging configuration about the line: it also covers output that does not go through Logback.) Output on
 * System.err is not covered; the next redraw, a second later at most, tidies up after it. Thread-safe: one lock
 * orders redraws and other output.
 */
final class ConsoleLine implements AutoCloseable {

    /** Back to the first column, erase to the end of the line. */
    static final String ERASE = "\r\033[K";
    /**
     * Auto-wrap off while drawing: a status line wider than the terminal is clipped at the right margin instead of
     * wrapping onto a second row, which "\r" could not go back over.
     */
    static final String NO_WRAP = "\033[?7l";
    static final String WRAP = "\033[?7h";

    private final PrintStream terminal;
    private final Charset charset;
    private final PrintStream previousOut;
    private String text;
    private boolean shown;
    private boolean atLineStart = true;

    ConsoleLine(PrintStream terminal, Charset charset) {
        this(terminal, charset, null);
    }

    private ConsoleLine(PrintStream terminal, Charset charset, PrintStream previousOut) {
        this.terminal = terminal;
        this.charset = charset;
        this.previousOut = previousOut;
    }

    /** A line on the current System.out, which is replaced by {@link #otherOutput()} until {@link #close()}. */
    static ConsoleLine overSystemOut(Charset charset) {
        ConsoleLine line = new ConsoleLine(System.out, charset, System.out);
        System.setOut(new PrintStream(line.otherOutput(), true, charset));
        return line;
    }

    /** Whether the terminal's charset can show {@code symbols}; if not, the caller draws plain ASCII. */
    boolean canShow(String symbols) {
        return charset.newEncoder().canEncode(symbols);
    }

    /** Draws {@code text} in place of the line; while other output has an unfinished line, after it ends. */
    synchronized void show(String text) {
        this.text = text;
        if (atLineStart) {
            draw();
        }
    }

    /** The stream for everything else printed while the line is live. */
    OutputStream otherOutput() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                passThrough(b, off, len);
            }

            @Override
            public void flush() {
                terminal.flush();
            }
        };
    }

    /** Leaves the last state of the line on screen, ends it with a newline and gives System.out back. */
    @Override
    public synchronized void close() {
        if (shown) {
            raw("\n");
        }
        shown = false;
        text = null;
        if (previousOut != null) {
            System.setOut(previousOut);
        }
    }

    private synchronized void passThrough(byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        if (shown) {
            raw(ERASE);
            shown = false;
        }
        terminal.write(b, off, len);
        atLineStart = b[off + len - 1] == '\n';
        if (atLineStart && text != null) {
            draw();
        }
        terminal.flush();
    }

    private void draw() {
        raw("\r" + NO_WRAP + text + "\033[K" + WRAP);
        shown = true;
    }

    private void raw(String s) {
        byte[] bytes = s.getBytes(charset);
        terminal.write(bytes, 0, bytes.length);
        terminal.flush();
    }
}
