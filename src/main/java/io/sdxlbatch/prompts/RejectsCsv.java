package io.sdxlbatch.prompts;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVWriter;

import io.sdxlbatch.images.AtomicFiles;

/**
 * {@code report/rejects.csv}: the rejected rows exactly as written, under the original header, each preceded by
 * a {@code #} comment with its reasons. Comments are skipped by the reader, so the fixed file runs as it is.
 */
public final class RejectsCsv {

    /** One rejected row: its original line, its cells by header name, and why it was refused. */
    public record Reject(int line, Map<String, String> cells, String reasons) {
    }

    private RejectsCsv() {
    }

    public static void write(Path file, List<String> header, List<Reject> rejects) {
        StringWriter text = new StringWriter();
        try (CSVWriter csv = new CSVWriter(text)) {
            csv.writeNext(header.toArray(String[]::new), true);
            for (Reject reject : rejects) {
                csv.flush();
                text.write("# line " + reject.line() + ": " + reject.reasons().replaceAll("[\\r\\n]+", " ")
                        .replaceAll("line \\d+: ", "") + "\n");
                // every cell quoted: an unquoted "#hashtag" first cell would read back as a comment
                csv.writeNext(row(header, reject.cells()), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The row as it was written, extra cells beyond the header included, so nothing of it is lost. */
    private static String[] row(List<String> header, Map<String, String> cells) {
        java.util.List<String> values = new java.util.ArrayList<>();
        header.forEach(h -> values.add(cells.getOrDefault(h, "")));
        String extra = cells.get(PromptCsvReader.EXTRA);
        if (extra != null) {
            values.addAll(java.util.Arrays.asList(extra.split(PromptCsvReader.EXTRA_SEPARATOR, -1)));
        }
        return values.toArray(String[]::new);
    }

    /** Writes the rejected rows of a scan, under the scanned file's header. */
    public static void write(Path file, PromptScan scan) {
        write(file, scan.header(), scan.rejected().stream().map(RejectsCsv::of).toList());
    }

    public static Reject of(PromptRow row) {
        return new Reject(row.line(), row.cells(), String.join("; ", row.problems()));
    }
}
