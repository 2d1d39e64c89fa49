package io.sdxlbatch.runpod;

import java.util.List;

/** The images of a completed worker-sdxl job, whichever of the two output shapes carried them. */
public record JobOutput(List<OutputImage> images) {

    public JobOutput {
        images = List.copyOf(images);
    }
}
