package io.sdxlbatch.run;

import java.io.PrintStream;
import java.time.Clock;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.prompts.PromptCsvReader;
import io.sdxlbatch.prompts.PromptFileException;
import io.sdxlbatch.prompts.PromptValidator;

/**
 * The run command: checks options and the prompts file, takes the output folder's lock, then starts Spring (job
 * repository, client, job) and hands over to {@link RunLauncher}. Everything that can be wrong with the command line
 * or the configuration is found before anything is sent.
 */
public final class RunCommand {

    private RunCommand() {
    }

    public static ExitCode run(ParsedCommand command, Class<?> application, PrintStream out) throws Exception {
        RunOptions options = RunOptionsParser.parse(command, Clock.systemDefaultZone());
        scan(options);
        try (RunLock lock = RunLock.acquire(options.outputDir());
             ConfigurableApplicationContext context = start(application, options, command)) {
            return context.getBean(RunLauncher.class).launch();
        }
    }

    /** Reads the whole file once: a file that cannot be parsed fails here, before the job exists. */
    private static void scan(RunOptions options) {
        try (PromptCsvReader reader = new PromptCsvReader(options.promptsFile(), new PromptValidator())) {
            while (reader.next() != null) {
                // rows are only parsed here; the load step reads them again into the ledger
            }
        } catch (PromptFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, RunOptions options,
                                                        ParsedCommand command) {
        try {
            return new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .initializers(c -> c.getBeanFactory().registerSingleton("runOptions", options))
                    .properties("sdxl.output=" + options.outputDir().toAbsolutePath())
                    .run(command.springProperties().toArray(String[]::new));
        } catch (RuntimeException e) {
            throw StartupFailures.explain(e);
        }
    }
}
