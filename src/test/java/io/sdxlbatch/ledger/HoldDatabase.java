package io.sdxlbatch.ledger;

import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a child JVM by {@link JobDatabaseTest}: opens a file database, says so, and holds it until killed. */
public final class HoldDatabase {

    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + args[0], "SA", "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS T (X INT)");
            System.out.println("open");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
