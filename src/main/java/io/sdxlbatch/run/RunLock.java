package io.sdxlbatch.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.sdxlbatch.cli.UsageException;

/**
 * An operating-system lock on the output folder, held for the whole run. The OS releases it when the process dies
 * (even by kill -9), so holding it proves that no other live process works on this folder: a run found STARTED in
 * the job repository then belongs to a dead process and can be recovered safely.
 */
public final class RunLock implements AutoCloseable {

    static final String FILE = ".sdxl-batch.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RunLock acquire(Path outputDir) {
        Path file = outputDir.resolve(FILE);
        try {
            Files.createDirectories(outputDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new UsageException("another sdxl-batch process" + (holder.isEmpty() ? "" : " (pid " + holder
                        + ")") + " is using the output folder " + outputDir.toAbsolutePath() + "; wait for it to"
                        + " finish, or use another --output");
            }
            channel.truncate(0).write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)));
            return new RunLock(channel, lock);
        } catch (IOException e) {
            throw new UsageException("the output folder " + outputDir.toAbsolutePath() + " is not writable: "
                    + e.getMessage());
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
