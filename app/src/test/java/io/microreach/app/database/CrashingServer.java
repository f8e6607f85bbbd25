package io.microreach.app.database;

import io.microreach.app.home.MicroreachHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseTest}: starts the embedded server, commits a row, reports the
 * postmaster's PID and waits to be killed with SIGKILL, as a crashed application would be.
 */
public final class CrashingServer {
    private CrashingServer() {}

    public static void main(String[] args) throws Exception {
        MicroreachHome home = new MicroreachHome(Path.of(args[0]));
        EmbeddedDatabase db = EmbeddedDatabase.start(home);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS crash_probe (id int PRIMARY KEY, note text)");
            st.execute("INSERT INTO crash_probe VALUES (" + args[1] + ", 'committed before the crash')");
        }
        String pid = Files.readAllLines(db.dataDirectory().resolve("postmaster.pid"))
                .get(0)
                .trim();
        System.out.println("READY " + pid);
        System.out.flush();
        Thread.sleep(600_000);
    }
}
