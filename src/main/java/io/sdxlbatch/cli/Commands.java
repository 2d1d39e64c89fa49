package io.sdxlbatch.cli;

import static io.sdxlbatch.cli.OptionSpec.flag;
import static io.sdxlbatch.cli.OptionSpec.repeatable;
import static io.sdxlbatch.cli.OptionSpec.value;

import java.util.List;

/** The commands of sdxl-batch and their options; the first one is the default. */
public final class Commands {

    public static final CommandSpec RUN = new CommandSpec("run",
            "turn every row of a prompts CSV into images (the default command); re-running resumes", List.of(
                value("prompts", "FILE", "prompts CSV (default prompts/sample.csv)"),
                value("output", "DIR", "output folder; runs go to DIR/<run-id>/ (default output)"),
                value("run-id", "ID", "name of the run (default <prompts file name>-<local date>): the same id"
                        + " resumes the same run"),
                value("max-in-flight", "N", "jobs queued or running on Runpod at most (default 100)"),
                value("chunk-size", "N", "rows per submit chunk (default 10)"),
                value("max-retries", "N", "retries of a FAILED or TIMED_OUT job (default 1)"),
                value("poll-interval", "DURATION", "status poll interval for running jobs (default 1s)"),
                value("deadline", "HH:MM|DURATION", "stop sending new jobs at this local time or after this long;"
                        + " what is in flight is still collected, the rest stays pending"),
                value("harvest-timeout", "DURATION", "give up collecting results after this long; re-run to go on"
                        + " (default 12h)"),
                value("max-images", "N", "stop sending when this run's images would pass N (the rest stays"
                        + " pending)"),
                value("max-cost", "USD", "stop sending when this run's estimated cost would pass USD"),
                value("grace-period", "DURATION", "after Ctrl-C or SIGTERM, keep collecting jobs in flight this long"
                        + " (default 2m)"),
                flag("cancel-on-abort", "after Ctrl-C or SIGTERM, cancel the jobs in flight instead of collecting"
                        + " them"),
                value("failure-window", "N", "stop sending when most of the last N jobs failed the same way"
                        + " (default 20)"),
                value("progress-interval", "DURATION", "without a terminal (cron, a pipe): log a progress line this"
                        + " often (default 30s)"),
                value("execution-timeout", "DURATION", "Runpod policy.executionTimeout per job (default 5m)"),
                value("ttl", "DURATION", "Runpod policy.ttl per job (default: Runpod's 24h)"),
                repeatable("default", "KEY=VALUE", "worker input for empty cells, e.g. --default width=768"
                        + " (repeatable)"),
                flag("strict", "treat unknown CSV columns as an error instead of ignoring them"),
                value("max-rejects", "N", "abort before sending anything if more than N rows are rejected"),
                flag("dry-run", "check the CSV, estimate GPU time and cost, write rejects; send nothing"),
                value("gpu", "CLASS", "GPU class for cost estimates and the report (default ADA_24, the 4090)"),
                value("price-per-second", "USD", "explicit worker price per second, instead of --gpu"),
                value("idle-timeout", "DURATION", "the endpoint's idle timeout, billed after each worker's last job"
                        + " (default 5s, Runpod's default)"),
                flag("resubmit-cancelled", "send rows cancelled with ./run.sh cancel again (without it they stay"
                        + " CANCELLED)")),
            false);

    public static final CommandSpec REPORT = new CommandSpec("report",
            "write an earlier run's report again from the job repository (jobs.csv, summary.json, report.html)",
            List.of(value("run-id", "ID", "the run to report on (required)"),
                value("output", "DIR", "output folder the run was made in (default output)"),
                value("compare", "ID", "also compare with this run: report/compare-<ID>.html and a table on the"
                        + " console"),
                value("gpu", "CLASS", "cost with this GPU class instead of the one the run was costed with"),
                value("price-per-second", "USD", "cost with this worker price per second"),
                value("idle-timeout", "DURATION", "cost with this idle timeout")),
            false);

    public static final CommandSpec STATUS = new CommandSpec("status",
            "where a run stands: rows by state, jobs in flight, last error; live from its progress.json while it"
                    + " runs; contacts nothing",
            List.of(value("run-id", "ID", "the run (required)"),
                value("output", "DIR", "output folder the run is made in (default output)")),
            false);

    public static final CommandSpec RUNS = new CommandSpec("runs",
            "list the runs of an output folder, newest first: state, times, rows by outcome, images, estimated cost",
            List.of(value("output", "DIR", "output folder (default output)")),
            false);

    public static final CommandSpec CANCEL = new CommandSpec("cancel",
            "cancel on Runpod the jobs a stopped run left queued or running; their rows become CANCELLED",
            List.of(value("run-id", "ID", "the run (required)"),
                value("output", "DIR", "output folder the run was made in (default output)")),
            false);

    public static final CommandSpec SIMULATE = new CommandSpec("simulate",
            "serve a local Runpod endpoint simulator (worker-sdxl 2.1.0) until stopped; see README for knobs",
            List.of(value("port", "PORT", "port on 127.0.0.1 (default: a free port)")), true);

    public static final List<CommandSpec> ALL = List.of(RUN, REPORT, STATUS, RUNS, CANCEL, SIMULATE);

    private Commands() {
    }
}
