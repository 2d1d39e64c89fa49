package io.sdxlbatch;

import java.io.PrintStream;
import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.sdxlbatch.cli.ArgParser;
import io.sdxlbatch.cli.Commands;
import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.StoppedException;
import io.sdxlbatch.cli.Usage;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.report.ReportCommand;
import io.sdxlbatch.run.RunCommand;
import io.sdxlbatch.runs.CancelCommand;
import io.sdxlbatch.runs.RunsCommand;
import io.sdxlbatch.runs.StatusCommand;
import io.sdxlbatch.sim.SimulateCommand;

/**
 * Entry point: parses the command line before anything starts (so --help and usage errors are instant), then
 * runs the chosen command. Only the run command starts Spring.
 */
@SpringBootApplication
public class SdxlBatchApplication {

    public static void main(String[] args) {
        System.exit(launch(args, System.out, System.err));
    }

    public static int launch(String[] args, PrintStream out, PrintStream err) {
        String name = Commands.RUN.name();
        try {
            ParsedCommand command = new ArgParser(Commands.ALL).parse(args);
            name = command.command().name();
            if (command.helpRequested()) {
                Usage.print(out, args.length > 0 && !args[0].startsWith("-") ? command.command() : null);
                return ExitCode.SUCCESS.code();
            }
            return switch (command.command().name()) {
                case "simulate" -> SimulateCommand.run(command.lastValues(), out);
                case "report" -> ReportCommand.run(command, out).code();
                case "status" -> StatusCommand.run(command, out, Clock.systemDefaultZone()).code();
                case "runs" -> RunsCommand.run(command, out, Clock.systemDefaultZone()).code();
                case "cancel" -> CancelCommand.run(command, out, System.getenv(), Clock.systemDefaultZone()).code();
                default -> RunCommand.run(command, SdxlBatchApplication.class, out).code();
            };
        } catch (StoppedException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.STOPPED.code();
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            // only the run command could have submitted anything; the others read, report or cancel
            err.println(name.equals(Commands.RUN.name()) ? "(nothing was submitted; see ./run.sh --help)"
                    : "(see ./run.sh " + name + " --help)");
            return ExitCode.CONFIGURATION.code();
        } catch (Exception e) {
            err.println("error: " + e);
            e.printStackTrace(err);
            return ExitCode.STOPPED.code();
        }
    }
}
