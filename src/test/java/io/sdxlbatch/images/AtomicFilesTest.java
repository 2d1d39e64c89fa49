package io.sdxlbatch.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long partFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    @Test
    void givenNewFileInMissingFolder_whenWritten_thenContentIsThereAndNoPartFileRemains() throws IOException {
        Path target = dir.resolve("run/images/fox.png");

        AtomicFiles.write(target, bytes("hello"));

        assertThat(target).hasBinaryContent(bytes("hello"));
        assertThat(partFiles(dir)).isZero();
    }

    @Test
    void givenExistingFile_whenWrittenAgain_thenItIsReplacedWhole() throws IOException {
        Path target = dir.resolve("report.csv");
        AtomicFiles.write(target, bytes("a much longer first version of the file"));

        AtomicFiles.write(target, bytes("short"));

        assertThat(target).hasBinaryContent(bytes("short"));
        assertThat(partFiles(dir)).isZero();
    }

    @Test
    void givenLeftoverPartFileFromACrash_whenWritten_thenItIsOverwrittenAndGone() throws IOException {
        Path target = dir.resolve("x.png");
        Files.write(dir.resolve("x.png.part"), bytes("stale bytes from a crash, longer than the new content"));

        AtomicFiles.write(target, bytes("new"));

        assertThat(target).hasBinaryContent(bytes("new"));
        assertThat(partFiles(dir)).isZero();
    }

    @Test
    void givenEmptyContent_whenWritten_thenAnEmptyFileExists() {
        Path target = dir.resolve("empty.txt");

        AtomicFiles.write(target, new byte[0]);

        assertThat(target).exists().isEmptyFile();
    }
}
