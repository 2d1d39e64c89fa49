package io.sdxlbatch.stop;

import java.io.PrintStream;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM. The first one stops submission at once and lets the harvester collect what is in
 * flight for the grace period, because those jobs are already paid for; the run then ends with exit 1 and a resume
 * goes on. A second one exits at once: everything the ledger committed is safe (every write is its own
 * transaction, HSQLDB writes through), exactly as after a kill -9, which a resume already recovers from.
 * <p>
 * {@code sun.misc.Signal} is the JDK's supported-but-unofficial hook (module jdk.unsupported). A shutdown hook cannot
 * do this: the JVM is already going down when it runs, and Spring's own hook would close the job repository
 * under the running steps.
 */
public final class SignalHandlers {

    private static final Logger log = LoggerFactory.getLogger(SignalHandlers.class);

    private SignalHandlers() {
    }

    public static void install(StopRequest stop, StopSettings settings, Clock clock, PrintStream out) {
        // HUP: the terminal of a foreground run closed (an ssh session ended); the same as TERM
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            Signal.handle(new Signal(name), signal -> onSignal("SIG" + signal.getName(), stop, settings, clock, out));
        }
    }

    static void onSignal(String signal, StopRequest stop, StopSettings settings, Clock clock, PrintStream out) {
        // through the log: its console appender shares the live progress line's stream, and run.log keeps it
        if (stop.signal(signal, clock.millis()) > 1) {
            log.warn("{} again: exiting now. Nothing committed is lost; run the same command to resume.", signal);
            out.flush();
            Runtime.getRuntime().halt(1);
        }
        log.warn("{}: no new jobs are sent. {} Send it again (or press Ctrl-C) to exit at once; nothing committed is"
                + " lost.", signal, settings.cancelOnAbort() ? "Cancelling the jobs in flight (--cancel-on-abort)."
                : "Collecting the jobs in flight for up to " + settings.grace().toSeconds() + " s (they are paid"
                        + " for).");
    }
}
