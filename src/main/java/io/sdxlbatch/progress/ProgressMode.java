package io.sdxlbatch.progress;

import java.io.Console;

/** How progress is shown: one live line redrawn in place on a terminal, plain log lines everywhere else. */
enum ProgressMode {
    /** A terminal that understands "\r" and ANSI erase: one line, redrawn every second. */
    LIVE_LINE,
    /** Cron, CI, a pipe, a dumb terminal: an INFO log line every --progress-interval, nothing that redraws. */
    LOG_LINES;

    /**
     * A live line only on a real terminal whose TERM names a capable one. TERM unset (a service, most Windows
     * consoles) or "dumb" (Emacs shells, some CI runners) gets plain lines: escape codes would show as garbage.
     */
    static ProgressMode choose(boolean terminal, String term) {
        return terminal && term != null && !term.isBlank() && !term.equals("dumb") ? LIVE_LINE : LOG_LINES;
    }

    /** For this process: System.console() is null unless stdin and stdout are both a terminal. */
    static ProgressMode detect() {
        return choose(isTerminal(System.console()), System.getenv("TERM"));
    }

    /**
     * On Java 22 to 24 System.console() may return a console even when output is redirected; those versions say
     * so through Console.isTerminal(), which Java 17 lacks, hence reflection.
     */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }
}
