package io.sdxlbatch.images;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Makes a prompt id usable as a file name on every common file system: no separators or reserved characters, no
 * Windows device names, no trailing dots or spaces, bounded length. Distinct ids that collapse to the same name
 * are told apart by a short hash.
 */
public final class SafeFileName {

    private static final int MAX_BYTES = 120;
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
            "lpt7", "lpt8", "lpt9");

    private SafeFileName() {
    }

    public static String of(String id) {
        String s = Normalizer.normalize(id, Normalizer.Form.NFC)
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_")
                .replaceAll("[. ]+$", "")
                .strip();
        String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        if (s.isEmpty() || s.startsWith(".") || WINDOWS_DEVICES.contains(stem.toLowerCase(Locale.ROOT).strip())) {
            s = "_" + s;
        }
        boolean changed = !s.equals(id);
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            s = truncate(s);
            changed = true;
        }
        return changed ? s + "-" + Integer.toHexString(id.hashCode() & 0xfffff) : s;
    }

    private static String truncate(String s) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int cp : s.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
        }
        return out.toString();
    }
}
