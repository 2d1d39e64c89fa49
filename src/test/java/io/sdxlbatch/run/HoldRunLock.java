package io.sdxlbatch.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.sdxlbatch.progress.ProgressSnapshot;

/**
 * Run in a child JVM by {@link LockHolder}: takes an output folder's lock as a run does, optionally writes a run's
 * progress.json as a running process would, says "ready", and holds the lock until killed.
 */
public final class HoldRunLock {

    /** What the child's progress.json says about its run. */
    static final Map<String, Integer> BY_STATE = Map.of("DONE", 4, "QUEUED", 3, "SENDING", 1, "PENDING", 2);

    private HoldRunLock() {
    }

    /** @param args the output folder, then the run id whose progress.json to write (none: write nothing) */
    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        try (RunLock lock = RunLock.acquire(output)) {
            if (args.length > 1) {
                new ProgressSnapshot(args[1], ProcessHandle.current().pid(), Instant.now(), 10, BY_STATE, 5, 12.5,
                        90L, 0, "line 7: worker said boom", null).write(output.resolve(args[1]));
            }
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
