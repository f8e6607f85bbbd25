package io.microreach.app.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Who may connect to the embedded server, and as what. zonky's {@code initdb} trusts every local connection, so any
 * user of the machine could connect as superuser and, for instance, run {@code COPY ... TO PROGRAM} as the app's user.
 * After each start the server is made to ask every connection for a password (SCRAM-SHA-256, {@code pg_hba.conf}
 * rewritten and reloaded), the superuser gets the home's generated password, and the application connects as the role
 * {@code microreach}, which is not a superuser: it owns the schema and its tables (so migrations and the importer's
 * index builds work) and may set {@code session_replication_role} (the importer's first load, PostgreSQL 15's
 * {@code GRANT SET ON PARAMETER}), nothing more. Objects an older home created as the superuser are handed to it.
 * The very first start of a new data folder runs with trust for the moment between {@code initdb} and this step.
 */
final class ServerAccess {
    static final String ADMIN_ROLE = "postgres";
    static final String APP_ROLE = "microreach";

    static final String HBA = "# Written by microreach: every connection authenticates with a password.\n"
            + "local all all scram-sha-256\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n"
            + "host all all ::1/128 scram-sha-256\n";

    /** Hands what the superuser owns in the public schema to the application role: tables first (with their sequences). */
    private static final String REASSIGN = "DO $$ DECLARE r record; BEGIN"
            + " FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + "   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
            + "   AND pg_get_userbyid(c.relowner) = 'postgres' LOOP"
            + "   EXECUTE format(CASE r.relkind WHEN 'v' THEN 'ALTER VIEW public.%I OWNER TO microreach'"
            + "     WHEN 'm' THEN 'ALTER MATERIALIZED VIEW public.%I OWNER TO microreach'"
            + "     WHEN 'f' THEN 'ALTER FOREIGN TABLE public.%I OWNER TO microreach'"
            + "     ELSE 'ALTER TABLE public.%I OWNER TO microreach' END, r.relname);"
            + " END LOOP;"
            + " FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + "   WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) = 'postgres'"
            + "   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP"
            + "   EXECUTE format('ALTER SEQUENCE public.%I OWNER TO microreach', r.relname);"
            + " END LOOP;"
            + " FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            + "   WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = 'postgres' LOOP"
            + "   EXECUTE format('ALTER ROUTINE %s OWNER TO microreach', r.f);"
            + " END LOOP; END $$";

    private ServerAccess() {}

    /**
     * Sets the roles' passwords to {@code target}, connecting as the superuser with {@code adminPasswordNow}, and makes
     * the server require passwords.
     */
    static void secure(int port, Path dataDirectory, String adminPasswordNow, DatabasePasswords target)
            throws IOException {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, ADMIN_ROLE, adminPasswordNow);
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL password_encryption = 'scram-sha-256'");
            // The passwords are base64url (generated here), so they need no quoting beyond the literal's quotes.
            st.execute("ALTER ROLE " + ADMIN_ROLE + " PASSWORD '" + checked(target.admin()) + "'");
            boolean exists;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
                exists = rs.next();
            }
            st.execute((exists ? "ALTER" : "CREATE") + " ROLE " + APP_ROLE
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                    + checked(target.app()) + "'");
            st.execute("GRANT SET ON PARAMETER session_replication_role TO " + APP_ROLE);
            st.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
            // Benchmarks settle the server between phases and build throw-away schemas; neither privilege lets the
            // role run programs or read files.
            st.execute("GRANT CREATE ON DATABASE postgres TO " + APP_ROLE);
            st.execute("GRANT pg_checkpoint TO " + APP_ROLE);
            st.execute(REASSIGN);
            c.commit();
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                Files.writeString(hba, HBA);
                st.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IOException("could not set up access to the embedded database: " + e.getMessage(), e);
        }
    }

    private static String checked(String password) {
        if (!password.matches("[A-Za-z0-9_-]{20,}")) {
            throw new IllegalStateException("a database password file holds an unexpected value");
        }
        return password;
    }
}
