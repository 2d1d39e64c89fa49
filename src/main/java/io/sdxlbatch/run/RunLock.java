package io.sdxlbatch.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.sdxlbatch.cli.UsageException;

/**
 * An operating-system lock on the output folder, held for the whole run. The OS releases it when the process dies
 * (even by kill -9), so holding it proves that no other live process works on this folder: a run found STARTED in
 * the job repository then belongs to a dead process and can be recovered safely.
 */
public final class RunLock implements AutoCloseable {

    static final String FILE = ".sdxl-batch.lock";

    /**
     * Lock files this process holds. {@link #holder} must not open a second channel on one of them: on POSIX systems
     * closing any channel of a file releases every lock the process has on it, so merely asking would free the lock.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Synchronized with {@link #holder}: a probe must never open a channel while this process is locking. */
    public static synchronized RunLock acquire(Path outputDir) {
        Path file = outputDir.resolve(FILE);
        if (HELD_HERE.contains(key(file))) {
            // opening and closing a second channel here would release the lock this process already holds
            throw inUse(outputDir, String.valueOf(ProcessHandle.current().pid()));
        }
        try {
            Files.createDirectories(outputDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw inUse(outputDir, holder);
            }
            channel.truncate(0).write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)));
            HELD_HERE.add(key(file));
            return new RunLock(file, channel, lock);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException("--output " + outputDir.toAbsolutePath() + " cannot be used: " + e.getFile()
                    + " is a file, not a folder");
        } catch (AccessDeniedException e) {
            throw new UsageException("the output folder " + outputDir.toAbsolutePath() + " is not writable"
                    + " (permission denied on " + e.getFile() + "): fix its permissions or use another --output");
        } catch (IOException e) {
            throw new UsageException("the output folder " + outputDir.toAbsolutePath() + " is not writable: "
                    + e.getMessage());
        }
    }

    private static UsageException inUse(Path outputDir, String holder) {
        return new UsageException("another sdxl-batch process" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                + " is using the output folder " + outputDir.toAbsolutePath() + "; wait for it to finish, or use"
                + " another --output");
    }

    /**
     * Which process works on the output folder now, without taking its lock: the pid the holder wrote into the lock
     * file, or empty when no live process holds it. Creates nothing. A holder caught in the instant between taking
     * the lock and writing its pid is reported with pid 0.
     */
    public static synchronized Optional<Long> holder(Path outputDir) {
        Path file = outputDir.resolve(FILE);
        if (HELD_HERE.contains(key(file))) {
            return Optional.of(ProcessHandle.current().pid());
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // a shared lock needs only read access, and conflicts with the exclusive one a run holds
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(pidIn(file));
        } catch (OverlappingFileLockException lockedHere) {
            return Optional.of(ProcessHandle.current().pid());
        } catch (IOException e) {
            throw new UsageException("cannot read the lock of the output folder " + outputDir.toAbsolutePath()
                    + ": " + e.getMessage());
        }
    }

    private static long pidIn(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : 0;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
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
        synchronized (RunLock.class) {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                HELD_HERE.remove(key(file));
            }
        }
    }
}
