package io.sdxlbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.cli.UsageException;

class JobDatabaseTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:hsqldb:file:" + dir.resolve(".sdxl-batch/jobs").toAbsolutePath() + ";shutdown=true";
    }

    @Test
    void givenAnOutputFolderWithoutRuns_whenOpened_thenTheMessageSaysNoRunWasMadeThere() {
        assertThatThrownBy(() -> JobDatabase.open(dir, null)).isInstanceOf(UsageException.class)
                .hasMessage("no job repository in " + dir + " (" + dir.resolve(".sdxl-batch/jobs")
                        + "): no run has been made with --output " + dir);
    }

    @Test
    void givenARepositoryOfTheFirstRelease_whenOpened_thenItGainsTheColumnsTheReportReads() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "SA", "")) {
            c.createStatement().execute("CREATE TABLE SDXL_RUN (RUN_ID VARCHAR(200) NOT NULL PRIMARY KEY,"
                    + " PROMPTS_FILE VARCHAR(4000) NOT NULL, PID BIGINT, PROCESS_STARTED_AT BIGINT, HOST VARCHAR(200),"
                    + " ENDPOINT VARCHAR(400), SIMULATED BOOLEAN DEFAULT FALSE NOT NULL, UPDATED_AT BIGINT)");
            c.createStatement().execute("INSERT INTO SDXL_RUN (RUN_ID, PROMPTS_FILE) VALUES ('old', '/p.csv')");
        }

        try (JobDatabase db = JobDatabase.open(dir, null)) {
            assertThat(db.jdbc().queryForObject("SELECT TIME_SCALE FROM SDXL_RUN WHERE RUN_ID = 'old'",
                    Double.class)).as("not recorded then").isNull();
            assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM SDXL_API_CALLS", Integer.class)).isZero();
        }
    }

    @Test
    void givenARepositoryHeldByAnotherProcess_whenOpened_thenTheMessageSaysARunIsInProgress() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(),
                dir.resolve(".sdxl-batch/jobs").toAbsolutePath().toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("open")) {
                // HSQLDB's start-up lines
            }
            assertThat(line).as("the child opened the database").isEqualTo("open");

            assertThatThrownBy(() -> JobDatabase.open(dir, null)).isInstanceOf(UsageException.class)
                    .hasMessage("the job repository in " + dir + " is in use by a run in progress; report on it"
                            + " when that run has finished");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
