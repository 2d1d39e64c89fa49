package io.sdxlbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArgParserTest {

    private final ArgParser parser = new ArgParser(Commands.ALL);

    @Test
    void givenNoArguments_whenParsed_thenTheRunCommandIsChosenWithNothingSet() {
        ParsedCommand parsed = parser.parse();

        assertThat(parsed.command()).isSameAs(Commands.RUN);
        assertThat(parsed.options()).isEmpty();
        assertThat(parsed.springProperties()).isEmpty();
        assertThat(parsed.helpRequested()).isFalse();
    }

    @Test
    void givenOnlyOptions_whenParsed_thenRunIsTheDefaultCommand() {
        ParsedCommand parsed = parser.parse("--prompts", "x.csv");

        assertThat(parsed.command().name()).isEqualTo("run");
        assertThat(parsed.option("prompts")).contains("x.csv");
    }

    @Test
    void givenSpaceAndEqualsForms_whenParsed_thenBothGiveTheSameValue() {
        assertThat(parser.parse("run", "--prompts", "x.csv").option("prompts")).contains("x.csv");
        assertThat(parser.parse("run", "--prompts=x.csv").option("prompts")).contains("x.csv");
    }

    @Test
    void givenValueContainingEquals_whenParsedWithEqualsForm_thenOnlyTheFirstEqualsSplits() {
        assertThat(parser.parse("--run-id=a=b").option("run-id")).contains("a=b");
    }

    @Test
    void givenSeveralOptions_whenParsed_thenEachKeepsItsValue() {
        ParsedCommand parsed = parser.parse("--prompts", "p.csv", "--output=out", "--max-in-flight", "20",
                "--poll-interval", "500ms");

        assertThat(parsed.lastValues()).containsEntry("prompts", "p.csv").containsEntry("output", "out")
                .containsEntry("max-in-flight", "20").containsEntry("poll-interval", "500ms");
        assertThat(parsed.option("ttl")).isEmpty();
    }

    @Test
    void givenMistypedOption_whenParsed_thenUsageErrorSuggestsTheClosestOne() {
        assertThatThrownBy(() -> parser.parse("--prompt", "x.csv"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option --prompt")
                .hasMessageContaining("did you mean --prompts?");
    }

    @Test
    void givenUnrelatedUnknownOption_whenParsed_thenUsageErrorHasNoSuggestion() {
        assertThatThrownBy(() -> parser.parse("--verbose-logging-please", "yes"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option --verbose-logging-please")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void givenMistypedCommand_whenParsed_thenUsageErrorSuggestsTheCommand() {
        assertThatThrownBy(() -> parser.parse("simulat"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown command 'simulat'")
                .hasMessageContaining("did you mean 'simulate'?");
        assertThatThrownBy(() -> parser.parse("rn"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("did you mean 'run'?");
    }

    @Test
    void givenSpringPropertyForRun_whenParsed_thenItIsPassedThroughUntouched() {
        ParsedCommand parsed = parser.parse("run", "--spring.datasource.url=jdbc:x", "--prompts", "p.csv");

        assertThat(parsed.springProperties()).containsExactly("--spring.datasource.url=jdbc:x");
        assertThat(parsed.options()).containsOnlyKeys("prompts");
    }

    @Test
    void givenSimulateWithItsOwnKnobs_whenParsed_thenOpenOptionsAreAccepted() {
        ParsedCommand parsed = parser.parse("simulate", "--workers", "5", "--port=8080", "--fail-rate", "0.1");

        assertThat(parsed.command()).isSameAs(Commands.SIMULATE);
        assertThat(parsed.lastValues()).containsEntry("workers", "5").containsEntry("port", "8080")
                .containsEntry("fail-rate", "0.1");
    }

    @Test
    void givenOptionWithoutValueAtTheEnd_whenParsed_thenUsageErrorNamesItAndItsValue() {
        assertThatThrownBy(() -> parser.parse("--prompts"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--prompts needs a value (FILE)");
    }

    @Test
    void givenOptionFollowedByAnotherOption_whenParsed_thenTheMissingValueIsReported() {
        assertThatThrownBy(() -> parser.parse("--prompts", "--output", "out"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--prompts needs a value");
    }

    @Test
    void givenStrayPositionalArgument_whenParsed_thenItIsAUsageError() {
        assertThatThrownBy(() -> parser.parse("run", "x.csv"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unexpected argument 'x.csv'");
        assertThatThrownBy(() -> parser.parse("run", "--"))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void givenHelp_whenParsed_thenHelpIsRequestedForTheChosenCommand() {
        assertThat(parser.parse("--help").helpRequested()).isTrue();
        assertThat(parser.parse("simulate", "-h").helpRequested()).isTrue();
        assertThat(parser.parse("simulate", "-h").command()).isSameAs(Commands.SIMULATE);
    }

    @Test
    void givenFlagOption_whenParsed_thenItIsSetAndRefusesAValue() {
        CommandSpec spec = new CommandSpec("go", "test command",
                List.of(OptionSpec.flag("dry-run", "do nothing"), OptionSpec.value("n", "N", "count")), false);
        ArgParser withFlag = new ArgParser(List.of(spec));

        ParsedCommand parsed = withFlag.parse("--dry-run", "--n", "3");

        assertThat(parsed.flag("dry-run")).isTrue();
        assertThat(parsed.option("n")).contains("3");
        assertThat(withFlag.parse("--n", "3").flag("dry-run")).isFalse();
        assertThatThrownBy(() -> withFlag.parse("--dry-run=yes"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--dry-run takes no value");
    }
}
