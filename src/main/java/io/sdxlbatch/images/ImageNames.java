package io.sdxlbatch.images;

import java.util.ArrayList;
import java.util.List;

/**
 * The file names a prompt's images get: {@code <id>.png}, or {@code <id>_1.png}, {@code <id>_2.png} when it asks
 * for several, with the id made safe for any file system. The one rule both the CSV check (two rows must never
 * share a file) and the publisher use.
 */
public final class ImageNames {

    private ImageNames() {
    }

    public static List<String> of(String promptId, int count) {
        String base = SafeFileName.of(promptId);
        if (count <= 1) {
            return List.of(base + ".png");
        }
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            names.add(base + "_" + n + ".png");
        }
        return names;
    }
}
