package io.sdxlbatch.images;

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

    /** Stages all images of the output or none; returns the staged file names, ';'-separated. */
    public String stage(int line, JobOutput output) {
        List<byte[]> pngs = new ArrayList<>();
        for (OutputImage image : output.images()) {
            byte[] png = source.bytes(image);
            String problem = PngFile.problem(png);
            if (problem != null) {
                throw new UnreadableImageException("image " + (pngs.size() + 1) + ": " + problem, null);
            }
            pngs.add(png);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < pngs.size(); i++) {
            AtomicFiles.write(folders.staged(line, i + 1), pngs.get(i));
            names.add(folders.staged(line, i + 1).getFileName().toString());
        }
        return String.join(";", names);
    }
}
