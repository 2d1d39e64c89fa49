package io.sdxlbatch.run;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.endpoint.ResolvedEndpoint;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.logging.RunLogFile;
import io.sdxlbatch.prompts.PromptFileException;
import io.sdxlbatch.prompts.PromptScan;
import io.sdxlbatch.prompts.PromptValidator;
import io.sdxlbatch.prompts.RejectsCsv;
import io.sdxlbatch.runpod.ClientWarmup;
import io.sdxlbatch.runpod.RunpodSettings;
import io.sdxlbatch.stop.SignalHandlers;
import io.sdxlbatch.stop.StopRequest;

/**
 * The run command: checks options and the prompts file, takes the output folder's lock, then starts Spring (job
 * repository, client, job) and hands over to {@link RunLauncher}. Everything that can be wrong with the command line
 * or the configuration is found before anything is sent.
 */
public final class RunCommand {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private RunCommand() {
    }

    public static ExitCode run(ParsedCommand command, Class<?> application, PrintStream out) throws Exception {
        RunOptions options = RunOptionsParser.parse(command, Clock.systemDefaultZone());
        PromptValidator validator = validator(options);
        boolean dryRun = command.flag("dry-run");
        if (!dryRun) {
            // on the second core, while the CSV is checked and Spring starts (no call to any endpoint)
            ClientWarmup.start();
        }
        DryRun estimate = dryRun ? DryRun.prepare(options, options.cost().price(), endpointKey(command)) : null;
        PromptScan scan = scan(options, validator, dryRun ? estimate::add : row -> { });
        // the same checks in a dry run as in a real one: a dry run that passes must not hide a run that stops
        checkColumns(scan, command.flag("strict"), out);
        checkRejects(scan, options, RunOptionsParser.maxRejects(command));
        if (dryRun) {
            return estimate.report(scan, out);
        }
        // from here on a signal must not kill the process mid-write: it stops submission (see SignalHandlers)
        StopRequest stop = new StopRequest();
        SignalHandlers.install(stop, options.stop(), Clock.systemUTC(), out);
        try (RunLock lock = RunLock.acquire(options.outputDir());
             ConfigurableApplicationContext context = start(application, options, stop, out, command);
             RunLogFile runLog = RunLogFile.attach(RunFolders.of(options.outputDir(), options.runId()).runDir())) {
            SettingsSummary.lines(options, scan, context.getBean(ResolvedEndpoint.class),
                    context.getBean(RunpodSettings.class)).forEach(log::info);
            return launch(context.getBean(RunLauncher.class), options.runId());
        }
    }

    /** The outcome goes to run.log too; so does the stack trace of a crash, at DEBUG to keep it off the console. */
    private static ExitCode launch(RunLauncher launcher, String runId) throws Exception {
        try {
            ExitCode exit = launcher.launch();
            log.info("run {} ended with exit code {} ({})", runId, exit.code(), exit);
            return exit;
        } catch (Exception e) {
            log.debug("run {} ended by an exception", runId, e);
            throw e;
        }
    }

    private static PromptValidator validator(RunOptions options) {
        try {
            return new PromptValidator(options.inputDefaults());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Reads the whole file once: a file that cannot be parsed fails here, before the job exists. */
    private static PromptScan scan(RunOptions options, PromptValidator validator,
                                   java.util.function.Consumer<io.sdxlbatch.prompts.PromptRow> onValid) {
        try {
            return PromptScan.of(options.promptsFile(), validator, onValid);
        } catch (PromptFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void checkColumns(PromptScan scan, boolean strict, PrintStream out) {
        if (scan.unknownColumns().isEmpty()) {
            return;
        }
        List<String> unknown = scan.unknownColumns();
        String columns = String.join(", ", unknown.subList(0, Math.min(10, unknown.size())))
                + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : "");
        if (strict) {
            throw new UsageException(scan.file() + ": unknown columns " + columns + " (--strict)");
        }
        out.println("warning: " + scan.file() + ": unknown columns " + columns + " are ignored");
    }

    /** A file that is mostly garbage is stopped before it spends anything; the rejects say what to fix. */
    private static void checkRejects(PromptScan scan, RunOptions options, int maxRejects) {
        if (scan.rejected().size() <= maxRejects) {
            return;
        }
        java.nio.file.Path file = RunFolders.of(options.outputDir(), options.runId()).rejectsCsv();
        RejectsCsv.write(file, scan);
        throw new UsageException(scan.rejected().size() + " of " + scan.rows() + " rows are rejected, more than"
                + " --max-rejects " + maxRejects + "; the first: " + String.join("; ",
                scan.rejected().get(0).problems()) + ". All are in " + file);
    }

    /** The endpoint a dry run would talk to, for estimates from its history; read without starting Spring. */
    private static String endpointKey(ParsedCommand command) {
        String key = property(command, "runpod.api-key", "RUNPOD_API_KEY");
        String endpoint = property(command, "runpod.endpoint-id", "RUNPOD_ENDPOINT_ID");
        return ResolvedEndpoint.keyOf(key == null ? null : endpoint);
    }

    private static String property(ParsedCommand command, String name, String environment) {
        return command.springProperties().stream().filter(p -> p.startsWith("--" + name + "="))
                .map(p -> p.substring(name.length() + 3)).reduce((a, b) -> b)
                .orElse(System.getenv(environment));
    }

    private static ConfigurableApplicationContext start(Class<?> application, RunOptions options, StopRequest stop,
                                                        PrintStream out, ParsedCommand command) {
        try {
            return new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .initializers(c -> {
                        c.getBeanFactory().registerSingleton("runOptions", options);
                        c.getBeanFactory().registerSingleton("stopRequest", stop);
                        c.getBeanFactory().registerSingleton("console", out);
                    })
                    .properties("sdxl.output=" + options.outputDir().toAbsolutePath())
                    .run(command.springProperties().toArray(String[]::new));
        } catch (RuntimeException e) {
            throw StartupFailures.explain(e);
        }
    }
}
