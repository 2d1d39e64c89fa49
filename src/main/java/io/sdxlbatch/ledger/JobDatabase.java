package io.sdxlbatch.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.sdxlbatch.cli.UsageException;

/**
 * The job repository of an output folder, opened without Spring Boot for commands that only read what runs left
 * there (the report). One connection; closing it shuts the database down cleanly. The schema script is applied so
 * that a repository written by an earlier version gains the columns this one reads.
 */
public final class JobDatabase implements AutoCloseable {

    private final SingleConnectionDataSource dataSource;

    private JobDatabase(SingleConnectionDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param url the JDBC URL the runs used ({@code --spring.datasource.url}), or null for the output folder's own
     * @throws UsageException when there is no repository there or a running run holds it
     */
    public static JobDatabase open(Path outputDir, String url) {
        Path files = outputDir.resolve(".sdxl-batch");
        if (url == null && !Files.exists(files.resolve("jobs.script")) && !Files.exists(files.resolve("jobs.data"))) {
            throw new UsageException("no job repository in " + outputDir + " (" + files.resolve("jobs")
                    + "): no run has been made with --output " + outputDir);
        }
        String jdbcUrl = url != null ? url : "jdbc:hsqldb:file:" + files.toAbsolutePath().resolve("jobs")
                + ";ifexists=true;hsqldb.write_delay=false;hsqldb.tx=mvlocks;hsqldb.default_table_type=cached"
                + ";hsqldb.reconfig_logging=false;shutdown=true";
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(jdbcUrl, "SA", "", true);
        try (Connection c = dataSource.getConnection()) {
            new ResourceDatabasePopulator(new ClassPathResource("schema-sdxl.sql")).populate(c);
        } catch (SQLException | RuntimeException e) {
            dataSource.destroy();
            throw explain(outputDir, e);
        }
        return new JobDatabase(dataSource);
    }

    public Ledger ledger() {
        return new Ledger(new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource));
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private static RuntimeException explain(Path outputDir, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("lockFile") || message.contains("lock acquisition")) {
                return new UsageException("the job repository in " + outputDir + " is in use by a run in progress;"
                        + " report on it when that run has finished");
            }
        }
        return new UsageException("cannot open the job repository in " + outputDir + ": " + e.getMessage());
    }

    @Override
    public void close() {
        dataSource.destroy();
    }
}
