package io.sdxlbatch.ledger;

import java.nio.file.Path;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A real ledger in a file HSQLDB under a test's temp folder, with the application's own schema. */
public final class FileLedger implements AutoCloseable {

    public final Ledger ledger;
    public final LedgerTransitions transitions;

    public FileLedger(Path dir) {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:hsqldb:file:" + dir.resolve("ledger")
                + ";hsqldb.write_delay=false;hsqldb.tx=mvlocks", "SA", "");
        new ResourceDatabasePopulator(new ClassPathResource("schema-sdxl.sql")).execute(db);
        this.ledger = new Ledger(new JdbcTemplate(db), new DataSourceTransactionManager(db));
        this.transitions = new LedgerTransitions(ledger);
    }

    /** Shuts the database down, as the application does when it stops: the next open reads the files again. */
    @Override
    public void close() {
        ledger.jdbc().execute("SHUTDOWN");
    }

    /** Adds a PENDING row for {@code prompt} on {@code line}. */
    public LedgerEntry pending(String runId, int line, String prompt) {
        ledger.addIfAbsent(runId, line, "id" + line, RequestCodec.encode(java.util.Map.of("prompt", prompt), null),
                "{}", LedgerState.PENDING, 1, null);
        return ledger.get(runId, line);
    }
}
