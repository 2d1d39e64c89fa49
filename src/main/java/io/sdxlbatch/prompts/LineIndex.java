package io.sdxlbatch.prompts;

/**
 * Remembers on which line a name (an id, an image file name) was first seen, in about 12 bytes per name instead of
 * the ~120 of a HashMap of Strings: a 100,000-row file is checked for duplicates in a megabyte or two. Names are
 * kept as 64-bit fingerprints in an open-addressing table; two different names sharing one fingerprint would be
 * reported as a duplicate, a chance of about n^2 / 2^65 (10^-9 for 200,000 names). Not thread-safe.
 */
final class LineIndex {

    private long[] fingerprints = new long[1024];
    private int[] lines = new int[1024];
    private int size;

    /** Records {@code name} on {@code line} unless it was seen before; returns the earlier line, or 0. */
    int putIfAbsent(String name, int line) {
        long fingerprint = fingerprint(name);
        int slot = slot(fingerprint);
        if (lines[slot] != 0) {
            return lines[slot];
        }
        fingerprints[slot] = fingerprint;
        lines[slot] = line;
        if (++size * 2 > lines.length) {
            grow();
        }
        return 0;
    }

    /** The earlier line of {@code name}, or 0. */
    int get(String name) {
        return lines[slot(fingerprint(name))];
    }

    private int slot(long fingerprint) {
        int mask = lines.length - 1;
        int slot = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
        while (lines[slot] != 0 && fingerprints[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldLines = lines;
        fingerprints = new long[oldLines.length * 2];
        lines = new int[oldLines.length * 2];
        for (int i = 0; i < oldLines.length; i++) {
            if (oldLines[i] != 0) {
                int slot = slot(oldFingerprints[i]);
                fingerprints[slot] = oldFingerprints[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    /** String's own hash in the high half, FNV-1a over the same chars in the low half. */
    static long fingerprint(String name) {
        int fnv = 0x811c9dc5;
        for (int i = 0; i < name.length(); i++) {
            fnv = (fnv ^ name.charAt(i)) * 0x01000193;
        }
        return ((long) name.hashCode() << 32) | (fnv & 0xffffffffL);
    }
}
