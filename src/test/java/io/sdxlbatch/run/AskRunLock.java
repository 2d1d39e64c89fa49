package io.sdxlbatch.run;

import java.nio.file.Path;

/** Run in a child JVM by {@link RunLockTest}: prints who holds an output folder, as another process sees it. */
public final class AskRunLock {

    private AskRunLock() {
    }

    public static void main(String[] args) {
        System.out.println(RunLock.holder(Path.of(args[0])).map(String::valueOf).orElse("nobody"));
    }
}
