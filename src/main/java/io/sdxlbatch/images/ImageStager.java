package io.sdxlbatch.images;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sdxlbatch.runpod.JobOutput;
import io.sdxlbatch.runpod.OutputImage;

/**
 * Reads every image of a finished job, checks each is a whole PNG, and puts it on disk in the staging folder the
 * moment it is read: Runpod deletes results 30 minutes after completion, so nothing waits for the publish step.
 * Thread-safe.
 */
public final class ImageStager {

    private final ImageSource source;
    private final RunFolders folders;

    public ImageStager(ImageSource source, RunFolders folders) {
        this.source = source;
        this.folders = folders;
    }

    /**
     * Streams every image of the output to its staging file and checks it there; returns the staged file names,
     * ';'-separated. A broken image fails the whole call: files already staged for the line are simply written
     * again by the next read, since the ledger only records a line once all of them are in place.
     */
    public String stage(int line, JobOutput output) {
        List<String> names = new ArrayList<>();
        for (OutputImage image : output.images()) {
            Path staged = folders.staged(line, names.size() + 1);
            AtomicFiles.write(staged, out -> source.writeTo(image, out));
            String problem = PngFile.problem(staged);
            if (problem != null) {
                throw new UnreadableImageException("image " + (names.size() + 1) + ": " + problem, null);
            }
            names.add(staged.getFileName().toString());
        }
        return String.join(";", names);
    }
}
