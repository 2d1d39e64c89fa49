package io.sdxlbatch.cost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sdxlbatch.ledger.RequestCodec;

/**
 * What earlier runs on the same endpoint measured: the median execution seconds per reference image, read from
 * the job database under the output folder without starting the application.
 */
public final class EstimateHistory {

    /** A measured figure and how many images it rests on. */
    public record Measured(double referenceSeconds, int images) {
    }

    private EstimateHistory() {
    }

    /** Empty when there is no database, no finished image on that endpoint, or the database cannot be read. */
    public static Optional<Measured> of(Path outputDir, String endpointKey) {
        Path db = outputDir.resolve(".sdxl-batch/jobs");
        if (!Files.exists(db.resolveSibling("jobs.script")) && !Files.exists(db.resolveSibling("jobs.data"))) {
            return Optional.empty();
        }
        String url = "jdbc:hsqldb:file:" + db.toAbsolutePath() + ";ifexists=true;readonly=true;shutdown=true";
        try (Connection c = DriverManager.getConnection(url, "SA", "");
             PreparedStatement s = c.prepareStatement("SELECT p.REQUEST_JSON, p.EXECUTION_MS FROM SDXL_PROMPT p"
                     + " JOIN SDXL_RUN r ON r.RUN_ID = p.RUN_ID WHERE r.ENDPOINT = ? AND p.STATE = 'DONE'"
                     + " AND p.EXECUTION_MS IS NOT NULL")) {
            s.setString(1, endpointKey);
            List<Double> figures = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> input = RequestCodec.decode(rs.getString(1)).input();
                    figures.add(WorkEstimate.referenceSeconds(input, rs.getLong(2) / 1000.0));
                }
            }
            return figures.isEmpty() ? Optional.empty()
                    : Optional.of(new Measured(figures.stream().sorted().toList().get(figures.size() / 2),
                            figures.size()));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
