package io.microreach.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.TestHomes;
import io.microreach.app.home.MicroreachHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    @Test
    void persistedDataFolderRunsWithDurableSettingsAndUnderTheHomeFolder() throws Exception {
        MicroreachHome home = new MicroreachHome(TestHomes.newHome("settings"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(db, "full_page_writes")).isEqualTo("on");
            assertThat(setting(db, "data_directory"))
                    .isEqualTo(home.databaseDirectory().toString());
            assertThat(setting(db, "server_version")).startsWith("17.");
            // The binaries run from a home folder's runtime/ (zonky unpacks once per JVM, so in this test JVM it may
            // be another test's home), never from the user's home or the system temp folder.
            long pid =
                    Long.parseLong(Files.readAllLines(home.databaseDirectory().resolve("postmaster.pid"))
                            .get(0)
                            .trim());
            String command =
                    ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow();
            Path testHomes = Path.of(System.getProperty("microreach.test.tmp", "target/test-home"))
                    .toAbsolutePath();
            assertThat(Path.of(command)).startsWith(testHomes);
            assertThat(command).contains("/runtime/postgres/");
        }
    }

    @Test
    void aFirstStartKilledWhileUnpackingOrCreatingTheDatabaseDoesNotBreakTheNextStart() throws Exception {
        // What a SIGKILL during a home's first start leaves: binaries without the marker of a successful start (one
        // file half written), and a database folder that initdb had only begun to fill. (Within one JVM the library
        // unpacks its binaries once, for the first home, so the unpacking itself cannot be replayed here: the test
        // checks that such leftovers are cleared and the start works.)
        MicroreachHome cut = new MicroreachHome(TestHomes.newHome("cut-first-start"));
        Path partial = cut.runtime().resolve("postgres").resolve("PG-partial").resolve("lib");
        Files.createDirectories(partial);
        Files.write(partial.resolve("libicuuc.so"), new byte[] {1, 2, 3});
        Files.createDirectories(cut.databaseDirectory().resolve("global"));
        Files.writeString(cut.databaseDirectory().resolve("PG_VERSION"), "17\n");
        Files.writeString(cut.root().resolve("pgdata.first-start"), "the database folder is being created\n");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(cut);
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(cut.runtime().resolve("postgres").resolve("PG-partial")).doesNotExist();
        assertThat(cut.runtime().resolve("postgres").resolve(EmbeddedDatabase.UNPACKED))
                .exists();
        assertThat(cut.root().resolve("pgdata.first-start")).doesNotExist();

        // a home that started once keeps its data folder, whatever happens to the marker files
        try (EmbeddedDatabase db = EmbeddedDatabase.start(cut)) {
            assertThat(db.dataDirectory().resolve("PG_VERSION")).exists();
        }
    }

    @Test
    void everyConnectionNeedsAPasswordAndTheApplicationIsNoSuperuser() throws Exception {
        MicroreachHome home = new MicroreachHome(TestHomes.newHome("access"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            for (String[] attempt : new String[][] {{"postgres", ""}, {"postgres", "postgres"}, {db.user(), ""}}) {
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> DriverManager.getConnection(db.jdbcUrl(), attempt[0], attempt[1])
                                        .close())
                        .as("%s with password '%s'", attempt[0], attempt[1])
                        .hasMessageContaining("password");
            }
            assertThat(query(db, "SELECT current_setting('is_superuser')")).isEqualTo("off");
            assertThat(query(db, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> execute(db, "COPY (SELECT 1) TO PROGRAM 'touch /tmp/microreach-pwned'"))
                    .hasMessageContaining("permission denied");
            assertThat(query(db, "SELECT has_parameter_privilege('session_replication_role', 'SET')::text"))
                    .as("the importer's first load may skip foreign-key checks")
                    .isEqualTo("true");
            for (String file : new String[] {"postgres.password", "microreach.password"}) {
                assertThat(Files.getPosixFilePermissions(home.runtime().resolve(file)))
                        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            assertThat(Files.readString(home.databaseDirectory().resolve("pg_hba.conf")))
                    .doesNotContain("trust")
                    .contains("scram-sha-256");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            assertThat(query(db, "SELECT 1"))
                    .as("the same passwords on the next start")
                    .isEqualTo("1");
        }
    }

    @Test
    void aHomeFromBeforePasswordsIsConvertedAndItsTablesHandedToTheApplication() throws Exception {
        MicroreachHome home = new MicroreachHome(TestHomes.newHome("legacy"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home);
                Connection admin = DriverManager.getConnection(db.jdbcUrl(), db.adminUser(), db.adminPassword());
                Statement st = admin.createStatement()) {
            // What an older home looks like: the superuser owns everything and every local connection is trusted.
            st.execute("CREATE TABLE legacy_rows (id bigserial PRIMARY KEY, note text)");
            st.execute("INSERT INTO legacy_rows (note) VALUES ('from before')");
            st.execute("ALTER SCHEMA public OWNER TO postgres");
            Files.writeString(
                    home.databaseDirectory().resolve("pg_hba.conf"),
                    "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        }
        Files.delete(home.runtime().resolve("postgres.password"));
        Files.delete(home.runtime().resolve("microreach.password"));

        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            assertThat(query(db, "SELECT note FROM legacy_rows")).isEqualTo("from before");
            assertThat(query(db, "SELECT tableowner FROM pg_tables WHERE tablename = 'legacy_rows'"))
                    .isEqualTo("microreach");
            execute(db, "INSERT INTO legacy_rows (note) VALUES ('written by the application role')");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "")
                                    .close())
                    .hasMessageContaining("password");
        }
    }

    @Test
    void secondStartReusesTheStoredData() throws Exception {
        MicroreachHome home = new MicroreachHome(TestHomes.newHome("restart"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            execute(db, "CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            assertThat(query(db, "SELECT v FROM kept")).isEqualTo("still here");
        }
    }

    @Test
    void recoversWhenTheJvmWasKilledAndLeftAnOrphanedPostmaster() throws Exception {
        MicroreachHome home = new MicroreachHome(TestHomes.newHome("orphan"));
        long postmaster = crashChild(home, 1);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                .as("the orphaned postmaster survives the JVM")
                .contains(true);
        assertThat(home.databaseDirectory().resolve("postmaster.pid")).exists();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            assertThat(query(db, "SELECT note FROM crash_probe WHERE id = 1")).isEqualTo("committed before the crash");
        }
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }

    @Test
    void recoversWhenThePostmasterItselfWasKilled() throws Exception {
        MicroreachHome home = new MicroreachHome(TestHomes.newHome("killed"));
        long postmaster = crashChild(home, 2);
        ProcessHandle pm = ProcessHandle.of(postmaster).orElseThrow();
        List<ProcessHandle> children = new ArrayList<>(pm.descendants().toList());
        pm.destroyForcibly();
        waitUntilDead(pm);
        // Backends notice their postmaster died and exit on their own; a real crash looks like this too.
        children.forEach(EmbeddedDatabaseTest::waitUntilDead);
        assertThat(home.databaseDirectory().resolve("postmaster.pid"))
                .as("stale lock file")
                .exists();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            assertThat(query(db, "SELECT note FROM crash_probe WHERE id = 2")).isEqualTo("committed before the crash");
        }
    }

    @Test
    void aCommandBesideARunningServerUsesItsDatabaseAndNeverStopsIt() throws Exception {
        MicroreachHome home = new MicroreachHome(TestHomes.newHome("beside"));
        Process server = startChild(home, 3);
        try {
            long postmaster =
                    Long.parseLong(Files.readAllLines(home.databaseDirectory().resolve("postmaster.pid"))
                            .get(0)
                            .trim());
            try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
                assertThat(db.attached()).isTrue();
                assertThat(query(db, "SELECT note FROM crash_probe WHERE id = 3"))
                        .isEqualTo("committed before the crash");
                execute(db, "INSERT INTO crash_probe VALUES (4, 'written by a command beside the server')");
            }
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                    .as("the server's database still runs after the command ended")
                    .contains(true);
            assertThat(server.isAlive()).isTrue();
            // A second web server on the same home is refused: it would share the search index and the import jobs.
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new org.springframework.boot.builder.SpringApplicationBuilder(
                                            io.microreach.app.MicroreachApplication.class)
                                    .properties(
                                            "microreach.home=" + home.root(),
                                            "server.port=0",
                                            "microreach.sync.enabled=false",
                                            "microreach.demo.enabled=false")
                                    .run()
                                    .close())
                    .hasStackTraceContaining("another microreach process runs on this home");
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        // Once the server is gone its database is an orphan again: the next start stops it and runs its own.
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            assertThat(db.attached()).isFalse();
            assertThat(query(db, "SELECT note FROM crash_probe WHERE id = 4"))
                    .isEqualTo("written by a command beside the server");
        }
    }

    @Test
    void aSecondStartInTheSameProcessSharesTheServerAndKeepsItsLock() throws Exception {
        MicroreachHome home = new MicroreachHome(TestHomes.newHome("same-jvm"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
            long postmaster =
                    Long.parseLong(Files.readAllLines(home.databaseDirectory().resolve("postmaster.pid"))
                            .get(0)
                            .trim());
            try (EmbeddedDatabase again = EmbeddedDatabase.start(home)) {
                assertThat(again.attached()).isTrue();
            }
            // Closing the second one must not have freed the owner's lock: another process still sees a live server
            // and uses it, instead of stopping it as an orphan.
            Process child = startChild(home, 5);
            try {
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                        .contains(true);
                assertThat(query(db, "SELECT note FROM crash_probe WHERE id = 5"))
                        .isEqualTo("committed before the crash");
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts {@link CrashingServer} in a child JVM, waits until it committed, kills it with SIGKILL. */
    private static long crashChild(MicroreachHome home, int id) throws Exception {
        Process child = startChild(home, id);
        long pid = Long.parseLong(Files.readAllLines(home.databaseDirectory().resolve("postmaster.pid"))
                .get(0)
                .trim());
        child.destroyForcibly(); // SIGKILL: no shutdown hooks run, the postmaster is orphaned
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return pid;
    }

    /** Starts {@link CrashingServer} in a child JVM and waits until it committed; the child keeps running. */
    private static Process startChild(MicroreachHome home, int id) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingServer.class.getName(),
                        home.root().toString(),
                        Integer.toString(id))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        long pid = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline) && (line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    pid = Long.parseLong(line.substring(6).trim());
                    break;
                }
            }
            assertThat(pid).as("child reported READY").isPositive();
        } catch (Exception | AssertionError e) {
            child.destroyForcibly();
            throw e;
        }
        return child;
    }

    private static void waitUntilDead(ProcessHandle p) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (p.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Read as the superuser: some settings (data_directory) are not for the application's role. */
    private static String setting(EmbeddedDatabase db, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.adminUser(), db.adminPassword());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String query(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase db, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
