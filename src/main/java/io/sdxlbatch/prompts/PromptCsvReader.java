package io.sdxlbatch.prompts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;

/**
 * Reads the prompts CSV (UTF-8 with or without BOM, RFC 4180 quoting, header row) one record at a time, skipping
 * blank and {@code #} comment lines, and hands each data row to {@link PromptValidator}. Not thread-safe.
 */
public final class PromptCsvReader implements AutoCloseable {

    private final Path file;
    private final CSVReader csv;
    private final List<String> header;
    private final PromptValidator validator;

    public PromptCsvReader(Path file, PromptValidator validator) {
        this.file = file;
        this.validator = validator;
        // RFC 4180 parser: OpenCSV's default treats '\' as an escape, which would silently turn the prompt
        // syntax "\(literal brackets\)" into "(emphasis)".
        this.csv = new CSVReaderBuilder(new CommentBlankingReader(open(file)))
                .withCSVParser(new RFC4180ParserBuilder().build()).build();
        this.header = readHeader();
    }

    /** Pseudo-column of the cells a row has beyond its header: their presence rejects the row. */
    public static final String EXTRA = "(beyond the header)";
    /** Joins the extra cells under {@link #EXTRA}: a character no spreadsheet puts in a cell. */
    public static final String EXTRA_SEPARATOR = "\u001F";

    /** The named columns of the header, lower-cased and trimmed, in file order. */
    public List<String> header() {
        return header.stream().filter(name -> !name.isEmpty()).toList();
    }

    /**
     * Columns that are neither {@code id} nor a worker-sdxl input, each with a close match when there is one
     * ("negativ_prompt (did you mean negative_prompt?)"). Their cells are not sent.
     */
    public List<String> unknownColumns() {
        List<String> known = new ArrayList<>(List.of("id"));
        for (SdxlInput input : SdxlInput.values()) {
            known.add(input.key());
        }
        return header.stream().filter(name -> !name.isEmpty() && !known.contains(name))
                .map(name -> "'" + name + "'" + io.sdxlbatch.cli.ClosestMatch.among(name, known)
                        .map(match -> " (did you mean " + match + "?)").orElse(""))
                .toList();
    }

    /** The next data row, or null at the end of the file. */
    public PromptRow next() {
        while (true) {
            int line = (int) csv.getLinesRead() + 1;
            String[] record = readRecord(line);
            if (record == null) {
                return null;
            }
            if (isBlank(record)) {
                continue;
            }
            return validator.check(line, cells(record));
        }
    }

    private List<String> readHeader() {
        String[] record;
        do {
            record = readRecord((int) csv.getLinesRead() + 1);
            if (record == null) {
                throw new PromptFileException(file + ": the file is empty; it needs a header row with a 'prompt'"
                        + " column", null);
            }
        } while (isBlank(record));
        List<String> names = new ArrayList<>();
        for (String name : record) {
            String column = name.trim().toLowerCase(Locale.ROOT);
            if (!column.isEmpty() && names.contains(column)) {
                throw new PromptFileException(file + ": line " + csv.getLinesRead() + ": the column '" + column
                        + "' appears twice in the header; which one counts would be a guess", null);
            }
            names.add(column);
        }
        if (!names.contains("prompt")) {
            throw new PromptFileException(file + ": line " + csv.getLinesRead() + ": no 'prompt' column in the"
                    + " header " + names, null);
        }
        return List.copyOf(names);
    }

    /**
     * The row's cells by column name; columns without a name (a trailing comma in the header) are left out. Cells
     * beyond the header are kept under {@link #EXTRA} so the validator can refuse the row: an unquoted comma in a
     * prompt would otherwise silently cut it short.
     */
    private Map<String, String> cells(String[] record) {
        Map<String, String> cells = new LinkedHashMap<>();
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < Math.max(header.size(), record.length); i++) {
            String value = i < record.length ? record[i] : "";
            if (i < header.size() && !header.get(i).isEmpty()) {
                cells.put(header.get(i), value);
            } else if (!value.isBlank()) {
                extra.append(extra.length() == 0 ? "" : EXTRA_SEPARATOR).append(value);
            }
        }
        if (extra.length() > 0) {
            cells.put(EXTRA, extra.toString());
        }
        return cells;
    }

    private String[] readRecord(int line) {
        try {
            return csv.readNext();
        } catch (CharacterCodingException e) {
            throw new PromptFileException(file + ": near line " + line + ": the file is not valid UTF-8", e);
        } catch (CsvValidationException | IOException e) {
            throw new PromptFileException(file + ": line " + line + ": cannot be parsed as CSV (" + e.getMessage()
                    + "); check for an unbalanced quote", e);
        }
    }

    /** Blank lines, blanked comment lines and rows of empty cells (spreadsheets export ",,,,"). */
    private static boolean isBlank(String[] record) {
        return java.util.Arrays.stream(record).allMatch(String::isBlank);
    }

    /** Strict UTF-8 (a Latin-1 file fails loudly instead of producing mojibake prompts), BOM dropped. */
    private static Reader open(Path file) {
        try {
            Utf8Check.require(file);
            Reader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
            PushbackReader pushback = new PushbackReader(reader, 1);
            int first = pushback.read();
            if (first != -1 && first != '\uFEFF') {
                pushback.unread(first);
            }
            return pushback;
        } catch (NoSuchFileException e) {
            throw new PromptFileException("prompts file not found: " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new PromptFileException("cannot read prompts file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new PromptFileException("cannot close " + file, e);
        }
    }
}
