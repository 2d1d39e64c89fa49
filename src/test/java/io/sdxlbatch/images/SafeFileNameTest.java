package io.sdxlbatch.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SafeFileNameTest {

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void givenPlainId_whenSanitised_thenItIsUnchanged() {
        assertThat(SafeFileName.of("lighthouse-01_v2.final")).isEqualTo("lighthouse-01_v2.final");
        assertThat(SafeFileName.of("café")).isEqualTo("café");
    }

    @Test
    void givenSeparatorsAndReservedCharacters_whenSanitised_thenNoneSurvive() {
        String name = SafeFileName.of("a/b\\c:d*e?f\"g<h>i|j\tk");

        assertThat(name).startsWith("a_b_c_d_e_f_g_h_i_j_k-");
        assertThat(name).doesNotContain("/", "\\", ":", "*", "?", "\"", "<", ">", "|", "\t");
    }

    @Test
    void givenPathTraversalId_whenSanitised_thenItCannotLeaveTheFolder() {
        String name = SafeFileName.of("../../etc/passwd");

        assertThat(name).doesNotContain("/").doesNotStartWith(".");
    }

    @Test
    void givenWindowsDeviceNames_whenSanitised_thenTheyArePrefixed() {
        assertThat(SafeFileName.of("CON")).startsWith("_CON");
        assertThat(SafeFileName.of("nul")).startsWith("_nul");
        assertThat(SafeFileName.of("com1")).startsWith("_com1");
        assertThat(SafeFileName.of("console")).isEqualTo("console");
    }

    @Test
    void givenTrailingDotsAndSpaces_whenSanitised_thenTheyAreRemoved() {
        String name = SafeFileName.of("fox. . ");

        assertThat(name).startsWith("fox-");
        assertThat(name).doesNotEndWith(".").doesNotEndWith(" ");
    }

    @Test
    void givenEmptyOrDotOnlyId_whenSanitised_thenANonEmptyVisibleNameComesOut() {
        assertThat(SafeFileName.of("")).isNotEmpty().doesNotStartWith(".");
        assertThat(SafeFileName.of("..")).isNotEmpty().isNotEqualTo("..").doesNotStartWith(".");
        assertThat(SafeFileName.of(".hidden")).doesNotStartWith(".");
    }

    @Test
    void givenVeryLongAsciiId_whenSanitised_thenItIsBoundedAndHashSuffixed() {
        String id = "x".repeat(300);

        String name = SafeFileName.of(id);

        assertThat(name).matches("x{120}-[0-9a-f]{1,5}");
    }

    @Test
    void givenLongMultiByteId_whenSanitised_thenNoCharacterIsSplit() {
        String id = "é".repeat(61) + "猫".repeat(40);

        String name = SafeFileName.of(id);
        String kept = name.substring(0, name.lastIndexOf('-'));

        assertThat(utf8Length(kept)).isLessThanOrEqualTo(120);
        assertThat(new String(kept.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(kept);
        assertThat(id).startsWith(kept);
        assertThat(kept).doesNotContain("\uFFFD");
        assertThat(kept.codePoints().allMatch(cp -> cp == 'é' || cp == '猫')).isTrue();
    }

    @Test
    void givenLongIdsDifferingOnlyAfterTheCut_whenSanitised_thenNamesDiffer() {
        String common = "p".repeat(130);

        assertThat(SafeFileName.of(common + "A")).isNotEqualTo(SafeFileName.of(common + "B"));
    }

    @Test
    void givenDistinctIdsThatCollapseToTheSameSanitisedForm_whenSanitised_thenNamesDiffer() {
        String slash = SafeFileName.of("a/b");
        String colon = SafeFileName.of("a:b");
        String plain = SafeFileName.of("a_b");

        assertThat(slash).startsWith("a_b-");
        assertThat(colon).startsWith("a_b-");
        assertThat(plain).isEqualTo("a_b");
        assertThat(slash).isNotEqualTo(colon);
    }

    @Test
    void givenSameId_whenSanitisedTwice_thenNameIsStableAcrossRuns() {
        assertThat(SafeFileName.of("a/b")).isEqualTo(SafeFileName.of("a/b"));
    }

    @Test
    void givenAWindowsDeviceNameWithAnExtension_whenMadeSafe_thenItIsPrefixedToo() {
        assertThat(SafeFileName.of("con.x")).startsWith("_con.x");
        assertThat(SafeFileName.of("console")).isEqualTo("console");
    }
}
