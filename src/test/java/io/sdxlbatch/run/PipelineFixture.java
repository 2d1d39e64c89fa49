package io.sdxlbatch.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.exceptions.CsvValidationException;

import io.sdxlbatch.SdxlBatchApplication;
import io.sdxlbatch.sim.RunpodSimulator;
import io.sdxlbatch.sim.SimulatorSettings;

/**
 * Runs the real application in this JVM against a simulator the test owns, the way a user would: a prompts file,
 * an output folder, the run command. Reads back what a user would read: the report and the images.
 */
final class PipelineFixture implements AutoCloseable {

    static final String RUN_ID = "night";

    final Path dir;
    final Path prompts;
    final Path output;
    private RunpodSimulator sim;

    PipelineFixture(Path dir, SimulatorSettings settings) {
        this.dir = dir;
        this.prompts = dir.resolve("prompts.csv");
        this.output = dir.resolve("out");
        this.sim = RunpodSimulator.start(settings);
    }

    RunpodSimulator sim() {
        return sim;
    }

    /** Replaces the simulator with a new one on the same port: jobs of the old one are gone. */
    void restartSimulator(SimulatorSettings settings) {
        int port = sim.baseUrl().getPort();
        sim.close();
        sim = RunpodSimulator.start(settings.withPort(port));
    }

    PipelineFixture csv(String... lines) {
        try {
            Files.writeString(prompts, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A prompts file of {@code rows} rows with ids p1..pN and prompts "prompt number N", 64x64. */
    PipelineFixture numberedCsv(int rows) {
        List<String> lines = new ArrayList<>(List.of("id,prompt,width,height"));
        for (int i = 1; i <= rows; i++) {
            lines.add("p" + i + ",prompt number " + i + ",64,64");
        }
        return csv(lines.toArray(String[]::new));
    }

    /** Fails unless the PNG file shows exactly the pixels of the PNG the endpoint served. */
    static void assertSamePixels(Path written, byte[] served) {
        try {
            java.awt.image.BufferedImage a = javax.imageio.ImageIO.read(written.toFile());
            java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served));
            if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
                throw new AssertionError(written + " has another size than the served image");
            }
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    if (a.getRGB(x, y) != b.getRGB(x, y)) {
                        throw new AssertionError(written + " differs from the served image at " + x + "," + y);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Arguments of the run command against this fixture's simulator, fast polling and short back-offs. A
     * {@code --run-id} among {@code extra} replaces the fixture's.
     */
    List<String> args(String... extra) {
        List<String> more = List.of(extra);
        String runId = more.contains("--run-id") ? more.get(more.indexOf("--run-id") + 1) : RUN_ID;
        List<String> args = new ArrayList<>(List.of("--prompts", prompts.toString(), "--output", output.toString(),
                "--run-id", runId, "--poll-interval", "20ms"));
        args.addAll(endpointArgs());
        args.addAll(List.of("--runpod.retry.initial-backoff=10ms", "--runpod.retry.max-backoff=100ms",
                "--runpod.breaker.open-for=200ms"));
        for (int i = 0; i < extra.length; i++) {
            if (extra[i].equals("--run-id")) {
                i++;
            } else {
                args.add(extra[i]);
            }
        }
        return args;
    }

    /** The properties that point any command at this fixture's simulator. */
    List<String> endpointArgs() {
        return List.of("--runpod.api-key=" + sim.apiKey(), "--runpod.endpoint-id=" + sim.endpointId(),
                "--runpod.base-url=" + sim.baseUrl());
    }

    /** Another command ({@code status}, {@code cancel}, ...) on this fixture's output folder, its console caught. */
    Launched command(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of(name, "--output", output.toString()));
        args.addAll(List.of(extra));
        return Launched.of(args.toArray(String[]::new));
    }

    int run(String... extra) {
        return SdxlBatchApplication.launch(args(extra).toArray(String[]::new), System.out, System.err);
    }

    Path runDir() {
        return output.resolve(RUN_ID);
    }

    /** report/jobs.csv as maps by column, in file order. */
    List<Map<String, String>> jobsCsv() {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(runDir().resolve("report/jobs.csv"));
             CSVReaderHeaderAware csv = new CSVReaderHeaderAware(reader)) {
            Map<String, String> row;
            while ((row = csv.readMap()) != null) {
                rows.add(new LinkedHashMap<>(row));
            }
        } catch (IOException | CsvValidationException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Job ids the ledger ever received for a line (after the application has closed its database). */
    List<String> jobIdsOf(int line) {
        String url = "jdbc:hsqldb:file:" + output.resolve(".sdxl-batch/jobs").toAbsolutePath()
                + ";shutdown=true;ifexists=true";
        try (Connection c = DriverManager.getConnection(url, "SA", "");
             PreparedStatement s = c.prepareStatement("SELECT JOB_ID FROM SDXL_JOB_ID WHERE RUN_ID = ? AND LINE = ?"
                     + " ORDER BY RECEIVED_AT")) {
            s.setString(1, RUN_ID);
            s.setInt(2, line);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
