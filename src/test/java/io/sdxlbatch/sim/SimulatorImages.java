package io.sdxlbatch.sim;

/**
 * The simulator's own PNGs for code outside this package that never ships, such as benchmarks: they must measure
 * on the bytes a run receives, not on data that compresses or decodes differently.
 */
public final class SimulatorImages {

    private SimulatorImages() {
    }

    /** What the simulator serves for this prompt, seed, size and image index with {@code --image-grain grain}. */
    public static byte[] png(String prompt, long seed, int width, int height, int index, int grain) {
        return new PngPainter(grain).paint(prompt, seed, width, height, index);
    }
}
