package io.sdxlbatch.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptCsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static List<PromptRow> readAll(Path file) {
        List<PromptRow> rows = new ArrayList<>();
        try (PromptCsvReader reader = new PromptCsvReader(file, new PromptValidator())) {
            for (PromptRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void givenPlainUtf8File_whenRead_thenEveryRowCarriesItsPromptAndLine() throws IOException {
        Path file = write("p.csv", "id,prompt\na,a red fox\nb,a teapot\n");

        List<PromptRow> rows = readAll(file);

        assertThat(rows).extracting(PromptRow::promptId).containsExactly("a", "b");
        assertThat(rows).extracting(PromptRow::line).containsExactly(2, 3);
        assertThat(rows.get(0).input()).containsEntry("prompt", "a red fox");
        assertThat(rows).allMatch(PromptRow::isValid);
    }

    @Test
    void givenUtf8BomBeforeHeader_whenRead_thenBomIsNotPartOfTheFirstColumnName() throws IOException {
        byte[] body = "prompt,width\nçà et là,512\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path file = write("bom.csv", withBom);

        try (PromptCsvReader reader = new PromptCsvReader(file, new PromptValidator())) {
            assertThat(reader.header()).containsExactly("prompt", "width");
            PromptRow row = reader.next();
            assertThat(row.isValid()).isTrue();
            assertThat(row.input()).containsEntry("prompt", "çà et là").containsEntry("width", 512);
        }
    }

    @Test
    void givenQuotedCellsWithCommasAndDoubledQuotes_whenRead_thenCellsAreUnquotedPerRfc4180() throws IOException {
        Path file = write("q.csv", "id,prompt,negative_prompt\n"
                + "x,\"a cat, a dog\",\"say \"\"cheese\"\"\"\n");

        PromptRow row = readAll(file).get(0);

        assertThat(row.input()).containsEntry("prompt", "a cat, a dog")
                .containsEntry("negative_prompt", "say \"cheese\"");
    }

    @Test
    void givenNewlinesInsideQuotedPrompt_whenRead_thenLineIsWhereTheRecordStartsAndNextLineIsRight()
            throws IOException {
        Path file = write("ml.csv", "id,prompt\n"
                + "first,\"line one\nline two\nline three\"\n"
                + "second,plain\n");

        List<PromptRow> rows = readAll(file);

        assertThat(rows).extracting(PromptRow::line).containsExactly(2, 5);
        assertThat(rows.get(0).input()).containsEntry("prompt", "line one\nline two\nline three");
        assertThat(rows.get(1).promptId()).isEqualTo("second");
    }

    @Test
    void givenCrLfLineEndingsAndMultilinePrompt_whenRead_thenLinesStillMatchAnEditor() throws IOException {
        Path file = write("crlf.csv", "prompt\r\n\"a\r\nb\"\r\nc\r\n");

        List<PromptRow> rows = readAll(file);

        assertThat(rows).extracting(PromptRow::line).containsExactly(2, 4);
        assertThat(rows).extracting(PromptRow::promptId).containsExactly("line-2", "line-4");
    }

    @Test
    void givenBlankAndCommentLines_whenRead_thenTheyAreSkippedButStillCounted() throws IOException {
        Path file = write("c.csv", "# prompts for tonight\n\nprompt\n\n# a comment, with a comma\na fox\n   \n"
                + "a teapot\n");

        List<PromptRow> rows = readAll(file);

        assertThat(rows).extracting(r -> r.input().get("prompt")).containsExactly("a fox", "a teapot");
        assertThat(rows).extracting(PromptRow::line).containsExactly(6, 8);
    }

    @Test
    void givenHeaderWithOddCaseAndSpaces_whenRead_thenColumnsAreRecognised() throws IOException {
        Path file = write("h.csv", " ID , Prompt ,WIDTH\nfox,a fox,768\n");

        try (PromptCsvReader reader = new PromptCsvReader(file, new PromptValidator())) {
            assertThat(reader.header()).containsExactly("id", "prompt", "width");
            PromptRow row = reader.next();
            assertThat(row.promptId()).isEqualTo("fox");
            assertThat(row.input()).containsEntry("prompt", "a fox").containsEntry("width", 768);
        }
    }

    @Test
    void givenRowShorterThanHeader_whenRead_thenMissingCellsMeanNotSent() throws IOException {
        Path file = write("short.csv", "prompt,width,height\na fox\n");

        PromptRow row = readAll(file).get(0);

        assertThat(row.isValid()).isTrue();
        assertThat(row.input()).containsOnlyKeys("prompt");
        assertThat(row.cells()).containsEntry("width", "").containsEntry("height", "");
    }

    @Test
    void givenNoPromptColumn_whenOpened_thenErrorNamesTheFile() throws IOException {
        Path file = write("noprompt.csv", "id,text\na,b\n");

        assertThatThrownBy(() -> new PromptCsvReader(file, new PromptValidator()))
                .isInstanceOf(PromptFileException.class)
                .hasMessageContaining("noprompt.csv")
                .hasMessageContaining("'prompt'");
    }

    @Test
    void givenEmptyFile_whenOpened_thenErrorSaysItNeedsAHeader() throws IOException {
        Path file = write("empty.csv", "\n# only a comment\n");

        assertThatThrownBy(() -> new PromptCsvReader(file, new PromptValidator()))
                .isInstanceOf(PromptFileException.class)
                .hasMessageContaining("empty.csv")
                .hasMessageContaining("header");
    }

    @Test
    void givenMissingFile_whenOpened_thenPromptFileExceptionNamesIt() {
        Path file = dir.resolve("nope.csv");

        assertThatThrownBy(() -> new PromptCsvReader(file, new PromptValidator()))
                .isInstanceOf(PromptFileException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining("nope.csv");
    }

    @Test
    void givenLatin1ByteDeepInALargeFile_whenRead_thenErrorNamesTheFileAndSaysNotUtf8() throws IOException {
        StringBuilder text = new StringBuilder("prompt\n");
        for (int i = 2; i <= 2000; i++) {
            text.append("prompt number ").append(i).append('\n');
        }
        byte[] head = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {'c', 'a', 'f', (byte) 0xE9, '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Path file = write("latin1.csv", all);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(PromptFileException.class)
                .hasMessageContaining("latin1.csv")
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void givenUnbalancedQuoteRunningToEndOfFile_whenRead_thenErrorNamesALine() throws IOException {
        Path file = write("open.csv", "id,prompt\na,fine\nb,\"never closed\nc,more\n");

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(PromptFileException.class)
                .hasMessageContaining("open.csv")
                .hasMessageContaining("line 3")
                .hasMessageContaining("quote");
    }

    @Test
    void givenNoIdColumn_whenRead_thenIdsAreDerivedFromTheLine() throws IOException {
        Path file = write("noid.csv", "prompt\n\na\nb\n");

        assertThat(readAll(file)).extracting(PromptRow::promptId).containsExactly("line-3", "line-4");
    }

    @Test
    void givenDuplicateIdsAcrossTheFile_whenRead_thenTheSecondRowIsRejectedNamingTheFirstLine() throws IOException {
        Path file = write("dup.csv", "id,prompt\nfox,a\nowl,b\nfox,c\n");

        List<PromptRow> rows = readAll(file);

        assertThat(rows.get(0).isValid()).isTrue();
        assertThat(rows.get(2).isValid()).isFalse();
        assertThat(rows.get(2).problems()).singleElement().asString()
                .contains("line 4").contains("'fox'").contains("line 2");
    }

    @Test
    void givenBackslashesInAQuotedPrompt_whenRead_thenTheyAreKeptLiterallyAsRfc4180Says() throws IOException {
        Path file = write("p.csv", "prompt,width\n\"a photo of \\(cat\\), masterpiece\"\n\"C:\\path\\\",512\n");

        List<PromptRow> rows = readAll(file);

        assertThat(rows.get(0).input()).containsEntry("prompt", "a photo of \\(cat\\), masterpiece");
        assertThat(rows.get(1).input()).containsEntry("prompt", "C:\\path\\");
    }

    @Test
    void givenALatin1ByteOnLine3_whenOpened_thenTheErrorNamesUtf8AndLine3() throws IOException {
        Path file = write("latin1.csv", new byte[] {'p', 'r', 'o', 'm', 'p', 't', '\n', 'f', 'i', 'n', 'e', '\n',
            'c', 'a', 'f', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> readAll(file)).isInstanceOf(PromptFileException.class)
                .hasMessageContaining("latin1.csv").hasMessageContaining("line 3").hasMessageContaining("UTF-8");
    }

    @Test
    void givenAUtf16File_whenOpened_thenTheErrorSaysSo() throws IOException {
        Path file = write("u16.csv", "\uFEFFprompt\nfox\n".getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> readAll(file)).isInstanceOf(PromptFileException.class)
                .hasMessageContaining("UTF-16");
    }

    @Test
    void givenSpreadsheetRowsOfEmptyCells_whenRead_thenTheyAreSkippedLikeBlankLines() throws IOException {
        Path file = write("p.csv", "prompt,width,height\nfox,64,64\n,,\n  , ,\nowl,64,64\n");

        assertThat(readAll(file)).extracting(PromptRow::line).containsExactly(2, 5);
    }

    @Test
    void givenAQuotedPromptStartingWithHash_whenRead_thenItIsARowNotAComment() throws IOException {
        Path file = write("p.csv", "prompt,width\n# a comment with an \"odd quote\n\"#cyberpunk city\",64\n");

        List<PromptRow> rows = readAll(file);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.input()).containsEntry("prompt", "#cyberpunk city");
        });
    }

    @Test
    void givenUnknownColumns_whenOpened_thenEachIsNamedWithAClosestMatch() throws IOException {
        Path file = write("p.csv", "prompt,negativ_prompt,tags\nx,y,z\n");

        try (PromptCsvReader reader = new PromptCsvReader(file, new PromptValidator())) {
            assertThat(reader.unknownColumns())
                    .containsExactly("'negativ_prompt' (did you mean negative_prompt?)", "'tags'");
            assertThat(reader.next().input()).doesNotContainKey("negativ_prompt").doesNotContainKey("tags");
        }
    }

    @Test
    void givenAVeryLongUnicodePrompt_whenRead_thenItArrivesWhole() throws IOException {
        String prompt = "雪の中の赤い狐, 🦊, ".repeat(5_000) + "end";
        Path file = write("p.csv", "prompt\n\"" + prompt + "\"\n");

        // compared as a boolean: a failure message must not print 60,000 characters
        assertThat(readAll(file)).singleElement().satisfies(row -> assertThat(prompt.equals(row.input()
                .get("prompt"))).as("the whole prompt, %d chars", prompt.length()).isTrue());
    }

    @Test
    void givenTheRejectsFileOfARun_whenReadAgain_thenTheCommentsAreSkippedAndTheRowsCome() throws IOException {
        Path rejects = dir.resolve("rejects.csv");
        RejectsCsv.write(rejects, List.of("id", "prompt", "width"), List.of(new RejectsCsv.Reject(4,
                java.util.Map.of("id", "bad", "prompt", "a, \"quoted\" wolf", "width", "1020"),
                "line 4: width 1020 is not a positive multiple of 8 up to 4096")));

        List<PromptRow> rows = readAll(rejects);

        assertThat(Files.readString(rejects)).contains("# line 4: width 1020 is not a positive multiple of 8");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.cells()).containsEntry("prompt", "a, \"quoted\" wolf").containsEntry("width", "1020");
            assertThat(row.line()).isEqualTo(3);
        });
    }

    @Test
    void givenABareQuoteInAnUnquotedPrompt_whenALaterLineIsAComment_thenTheCommentStaysAComment() throws IOException {
        Path file = write("p.csv", "prompt,width\na 5\" statue,512\n# not a prompt\nowl,64\n");

        assertThat(readAll(file)).extracting(row -> row.input().get("prompt")).containsExactly("a 5\" statue", "owl");
    }

    @Test
    void givenCarriageReturnOnlyLineEnds_whenRead_thenCommentsAndRowsAreStillTold() throws IOException {
        Path file = write("p.csv", "prompt\r# comment\rfox\r\"an \"\"owl\"\"\"\r");

        assertThat(readAll(file)).extracting(row -> row.input().get("prompt")).containsExactly("fox", "an \"owl\"");
    }

    @Test
    void givenMoreCellsThanColumns_whenRead_thenTheRowIsRefusedInsteadOfCutShort() throws IOException {
        Path file = write("p.csv", "prompt\na cat, on a mat\nfox,,\n");

        List<PromptRow> rows = readAll(file);

        assertThat(rows.get(0).problems()).containsExactly("line 2: more cells than the header has columns"
                + " (' on a mat'); quote a prompt that contains commas");
        assertThat(rows.get(1).isValid()).as("trailing empty cells are harmless").isTrue();
    }

    @Test
    void givenADuplicateColumnName_whenOpened_thenTheFileIsRefused() throws IOException {
        Path file = write("p.csv", "prompt,width,Width\ncat,512,1020\n");

        assertThatThrownBy(() -> readAll(file)).isInstanceOf(PromptFileException.class)
                .hasMessageContaining("the column 'width' appears twice in the header");
    }

    @Test
    void givenTrailingCommasInTheHeader_whenOpened_thenNoUnknownColumnIsReported() throws IOException {
        Path file = write("p.csv", "prompt,width,,\nfox,64,,\n");

        try (PromptCsvReader reader = new PromptCsvReader(file, new PromptValidator())) {
            assertThat(reader.unknownColumns()).isEmpty();
            assertThat(reader.next().isValid()).isTrue();
        }
    }

    @Test
    void givenARejectedRowStartingWithHashAndExtraCells_whenItsRejectsFileIsRead_thenTheWholeRowComesBack()
            throws IOException {
        Path source = write("p.csv", "prompt,width\n\"#hashtag art\",1020\nlong, unquoted prompt,64\n");
        List<PromptRow> rows = readAll(source);
        Path rejects = dir.resolve("rejects.csv");
        RejectsCsv.write(rejects, List.of("prompt", "width"), rows.stream().map(RejectsCsv::of).toList());

        List<PromptRow> again = readAll(rejects);

        assertThat(again).extracting(r -> r.cells().get("prompt")).containsExactly("#hashtag art", "long");
        assertThat(again.get(1).cells()).containsEntry(PromptCsvReader.EXTRA, "64");
        assertThat(again.get(1).cells().get("width")).isEqualTo(" unquoted prompt");
    }
}
