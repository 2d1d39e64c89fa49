package io.sdxlbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClosestMatchTest {

    private static final List<String> RUN_OPTIONS = Commands.RUN.options().stream().map(OptionSpec::name).toList();

    @Test
    void givenOneLetterMissing_whenMatched_thenTheIntendedNameIsFound() {
        assertThat(ClosestMatch.among("prompt", RUN_OPTIONS)).contains("prompts");
        assertThat(ClosestMatch.among("deadlin", RUN_OPTIONS)).contains("deadline");
    }

    @Test
    void givenDifferentCase_whenMatched_thenCaseIsIgnored() {
        assertThat(ClosestMatch.among("OUTPUT", RUN_OPTIONS)).contains("output");
    }

    @Test
    void givenTransposedLettersInALongName_whenMatched_thenTheClosestIsChosen() {
        assertThat(ClosestMatch.among("max-in-flihgt", RUN_OPTIONS)).contains("max-in-flight");
        assertThat(ClosestMatch.among("poll-intervall", RUN_OPTIONS)).contains("poll-interval");
    }

    @Test
    void givenNothingClose_whenMatched_thenThereIsNoSuggestion() {
        assertThat(ClosestMatch.among("workers", RUN_OPTIONS)).isEmpty();
        assertThat(ClosestMatch.among("anything", List.of())).isEmpty();
    }

    @Test
    void givenTwoStrings_whenDistanceComputed_thenItIsTheLevenshteinDistance() {
        assertThat(ClosestMatch.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestMatch.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestMatch.distance("same", "same")).isZero();
    }
}
