package io.sdxlbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void givenTheCommandList_whenRead_thenRunComesFirstSoItIsTheDefault() {
        assertThat(Commands.ALL).containsExactly(Commands.RUN, Commands.REPORT, Commands.STATUS, Commands.RUNS,
                Commands.CANCEL, Commands.SIMULATE);
        assertThat(Commands.ALL).filteredOn(CommandSpec::openOptions).containsExactly(Commands.SIMULATE);
    }

    @Test
    void givenRunCommand_whenItsOptionsAreListed_thenFlagsAreTheOnlyOnesWithoutAValue() {
        assertThat(Commands.RUN.options()).extracting(OptionSpec::name).containsExactly("prompts", "output",
                "run-id", "max-in-flight", "chunk-size", "max-retries", "poll-interval", "deadline",
                "harvest-timeout", "max-images", "max-cost", "grace-period", "cancel-on-abort", "failure-window",
                "progress-interval", "execution-timeout", "ttl", "default", "strict", "max-rejects", "dry-run", "gpu",
                "price-per-second", "idle-timeout", "resubmit-cancelled");
        assertThat(Commands.RUN.options()).filteredOn(o -> !o.takesValue()).extracting(OptionSpec::name)
                .containsExactly("cancel-on-abort", "strict", "dry-run", "resubmit-cancelled");
        assertThat(Commands.RUN.options()).filteredOn(OptionSpec::repeatable).extracting(OptionSpec::name)
                .containsExactly("default");
    }

    @Test
    void givenTheRunsCommands_whenTheirOptionsAreListed_thenEachTakesTheOutputFolderAndStatusAndCancelARun() {
        assertThat(Commands.STATUS.options()).extracting(OptionSpec::name).containsExactly("run-id", "output");
        assertThat(Commands.RUNS.options()).extracting(OptionSpec::name).containsExactly("output");
        assertThat(Commands.CANCEL.options()).extracting(OptionSpec::name).containsExactly("run-id", "output");
    }

    @Test
    void givenCancelWithRunpodProperties_whenParsed_thenTheyAreKeptForTheClientAndATypoIsRefused() {
        ParsedCommand cancel = new ArgParser(Commands.ALL).parse("cancel", "--run-id", "night",
                "--runpod.endpoint-id=abc");

        assertThat(cancel.command()).isEqualTo(Commands.CANCEL);
        assertThat(cancel.springProperties()).containsExactly("--runpod.endpoint-id=abc");
        assertThatThrownBy(() -> new ArgParser(Commands.ALL).parse("status",
                "--runid", "night")).isInstanceOf(UsageException.class).hasMessageContaining("did you mean --run-id?");
    }

    @Test
    void givenHelpForRun_whenPrinted_thenItListsTheOptionsAndTheExitCodes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Usage.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), Commands.RUN);

        String help = bytes.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("--prompts FILE", "--poll-interval DURATION", "exit codes: 0")
                .doesNotContain("--port");
    }

    @Test
    void givenExitCodes_whenRead_thenTheyAreTheNumbersScriptsRelyOn() {
        assertThat(ExitCode.SUCCESS.code()).isZero();
        assertThat(ExitCode.STOPPED.code()).isEqualTo(1);
        assertThat(ExitCode.CONFIGURATION.code()).isEqualTo(2);
        assertThat(ExitCode.SOME_FAILED.code()).isEqualTo(3);
    }
}
