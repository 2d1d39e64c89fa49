package io.sdxlbatch.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerTransitions;
import io.sdxlbatch.ledger.RequestCodec;

/**
 * Moves a harvested row's staged images to {@code images/<prompt id>.png} ({@code _1}, {@code _2} when a prompt
 * has several), with the prompt and parameters embedded as a PNG text chunk; pixels are not re-encoded. Each file
 * is written atomically and the row is marked DONE only after all are in place, so a crash mid-way just
 * publishes the row again. Thread-safe per row.
 */
public final class ImagePublisher {

    private final RunFolders folders;
    private final LedgerTransitions transitions;

    public ImagePublisher(RunFolders folders, LedgerTransitions transitions) {
        this.folders = folders;
        this.transitions = transitions;
    }

    /** Publishes the row; returns false when a staged file is missing or damaged (the row is left for a re-read). */
    public boolean publish(LedgerEntry row) {
        int count = row.images() == null ? 0 : row.images().split(";").length;
        String parameters = ParametersText.of(RequestCodec.decode(row.requestJson()).input(), row.seed(),
                row.jobId());
        List<String> names = ImageNames.of(row.promptId(), count);
        List<String> published = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Path staged = folders.staged(row.line(), n);
            Path target = folders.images().resolve(names.get(n - 1));
            if (!Files.exists(staged) || PngFile.problem(staged) != null) {
                return false;
            }
            AtomicFiles.write(target, out -> PngFile.copyWithText(staged, out, "parameters", parameters));
            published.add(folders.runDir().relativize(target).toString().replace('\\', '/'));
        }
        transitions.published(row.runId(), row.line(), String.join(";", published));
        for (int n = 1; n <= count; n++) {
            deleteQuietly(folders.staged(row.line(), n));
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover staged copy costs disk space, never an image: publishing already succeeded
        }
    }
}
