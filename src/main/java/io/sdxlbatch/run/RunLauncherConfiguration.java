package io.sdxlbatch.run;

import java.io.PrintStream;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.endpoint.ResolvedEndpoint;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerTransitions;
import io.sdxlbatch.report.LatestReport;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.stop.StopRequest;

@Configuration(proxyBeanMethods = false)
class RunLauncherConfiguration {

    @Bean
    RunLauncher runLauncher(JobOperator operator, JobRepository repository, Job nightlyJob, RunOptions options,
                            Ledger ledger, LedgerTransitions transitions, ResolvedEndpoint endpoint,
                            JdbcTemplate jdbc, Clock clock, RunpodClient client, LatestReport latestReport,
                            StopRequest stop, ObjectProvider<PrintStream> console) {
        return new RunLauncher(operator, repository, nightlyJob, options, ledger, transitions, endpoint,
                new RunRegistry(jdbc, clock), client, latestReport, stop, console.getIfAvailable(() -> System.out));
    }
}
