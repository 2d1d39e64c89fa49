package io.sdxlbatch.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.ledger.JobDatabase;
import io.sdxlbatch.progress.ProgressSnapshot;
import io.sdxlbatch.run.RunLock;

/**
 * The output folder the status, runs and cancel commands look at: whether a run is in progress there (its OS lock),
 * its job repository, and the progress.json each run's process leaves in its run folder.
 *
 * @param jdbcUrl the {@code --spring.datasource.url} the runs used, or null for the folder's own repository
 */
record OutputFolder(Path dir, String jdbcUrl) {

    private static final String URL_PROPERTY = "--spring.datasource.url=";

    static OutputFolder of(ParsedCommand command) {
        String url = command.springProperties().stream().filter(p -> p.startsWith(URL_PROPERTY))
                .map(p -> p.substring(URL_PROPERTY.length())).reduce((a, b) -> b).orElse(null);
        return new OutputFolder(Path.of(command.option("output").orElse("output")), url);
    }

    static String runId(ParsedCommand command, String commandName) {
        return command.option("run-id").orElseThrow(() -> new UsageException(commandName + " needs --run-id ID: the"
                + " run ids are the folder names in the output folder, and ./run.sh runs lists them"));
    }

    /** The pid of the process working in this folder now; while there is one, the job repository is locked. */
    Optional<Long> processInProgress() {
        return RunLock.holder(dir);
    }

    /** @throws UsageException when there is no repository, or a run in progress holds it */
    JobDatabase openRepository() {
        return JobDatabase.open(dir, jdbcUrl);
    }

    Optional<ProgressSnapshot> progress(String runId) {
        return ProgressSnapshot.read(dir.resolve(runId));
    }

    /** Every run folder's progress.json, newest first. */
    List<ProgressSnapshot> allProgress() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.filter(Files::isDirectory).map(ProgressSnapshot::read).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(ProgressSnapshot::updatedAt).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run whose process holds the folder now, as its progress.json says; empty while it has written none. */
    Optional<ProgressSnapshot> liveRun(long pid) {
        return allProgress().stream().filter(p -> p.pid() == pid).findFirst();
    }

    Path reportPage(String runId) {
        return RunFolders.of(dir, runId).report().resolve("report.html");
    }
}
