package io.microreach.app.importjobs;

import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.TypeCounts;
import io.microreach.app.scoring.ScoringReport;
import io.microreach.domain.RecordType;
import io.microreach.ingest.Rejection;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The import jobs in table {@code import_job}: written at each change of state, read back after a restart. */
@Component
class ImportJobStore {
    private static final String COLUMNS = "id, file_name, size_bytes, state, submitted_at, lines, failure, stored,"
            + " unchanged, rejected, unreadable, waiting, elapsed_ms, rejected_lines, rejected_fields, rejected_why,"
            + " has_report_file, scored_accounts, scored_trusted";

    private final JdbcTemplate jdbc;

    ImportJobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ImportJob job) {
        jdbc.update(
                "INSERT INTO import_job (id, file_name, size_bytes, state, submitted_at) VALUES (?, ?, ?, ?, ?)",
                job.id(),
                job.fileName(),
                job.size(),
                job.state().name(),
                Timestamp.from(job.submittedAt()));
    }

    /** Writes the job's state, line count, failure, report and scoring as they are now. */
    void save(ImportJob job) {
        ImportReport r = job.report();
        ScoringReport s = job.scoring();
        List<TypeCounts> types = r == null ? List.of() : r.perType();
        List<Rejection> first = r == null ? List.of() : r.firstRejections();
        jdbc.update(
                "UPDATE import_job SET state = ?, lines = ?, failure = ?, finished_at = CASE WHEN ? THEN now() END,"
                        + " stored = ?, unchanged = ?, rejected = ?, unreadable = ?, waiting = ?, elapsed_ms = ?,"
                        + " rejected_lines = ?, rejected_fields = ?, rejected_why = ?, has_report_file = ?,"
                        + " scored_accounts = ?, scored_trusted = ? WHERE id = ?",
                job.state().name(),
                job.lines(),
                job.failure(),
                job.state().finished(),
                r == null ? null : longs(types, TypeCounts::stored),
                r == null ? null : longs(types, TypeCounts::unchanged),
                r == null ? null : longs(types, TypeCounts::rejected),
                r == null ? null : r.unreadableLines(),
                r == null ? null : r.waitingForParent(),
                r == null ? null : r.elapsed().toMillis(),
                r == null ? null : first.stream().map(Rejection::line).toArray(Long[]::new),
                r == null ? null : first.stream().map(Rejection::field).toArray(String[]::new),
                r == null ? null : first.stream().map(Rejection::reason).toArray(String[]::new),
                r != null && r.rejectionFile() != null,
                s == null ? null : s.accounts(),
                s == null ? null : s.withTrustScore(),
                job.id());
    }

    private static Long[] longs(List<TypeCounts> types, Function<TypeCounts, Long> value) {
        return types.stream().map(value).toArray(Long[]::new);
    }

    /** Marks every job that was queued or running as failed with {@code why}; returns how many there were. */
    int failUnfinished(String why) {
        return jdbc.update(
                "UPDATE import_job SET state = 'FAILED', failure = ?, finished_at = now()"
                        + " WHERE state IN ('QUEUED', 'IMPORTING', 'SCORING')",
                why);
    }

    /** The newest {@code limit} jobs, newest first; {@code reportFile} locates a job's rejected-lines report. */
    List<ImportJob> latest(int limit, Function<String, Path> reportFile) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM import_job ORDER BY submitted_at DESC, id LIMIT ?",
                (rs, i) -> job(rs, reportFile),
                limit);
    }

    Optional<ImportJob> find(String id, Function<String, Path> reportFile) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM import_job WHERE id = ?", (rs, i) -> job(rs, reportFile), id)
                .stream()
                .findFirst();
    }

    private static ImportJob job(ResultSet rs, Function<String, Path> reportFile) throws SQLException {
        String id = rs.getString("id");
        String name = rs.getString("file_name");
        ImportReport report = null;
        Long[] stored = longs(rs.getArray("stored"));
        if (stored != null) {
            Long[] unchanged = longs(rs.getArray("unchanged"));
            Long[] rejected = longs(rs.getArray("rejected"));
            List<TypeCounts> types = new ArrayList<>();
            RecordType[] all = RecordType.values();
            for (int i = 0; i < stored.length && i < all.length; i++) {
                types.add(new TypeCounts(all[i], stored[i], unchanged[i], rejected[i]));
            }
            Long[] lines = longs(rs.getArray("rejected_lines"));
            String[] fields = strings(rs.getArray("rejected_fields"));
            String[] why = strings(rs.getArray("rejected_why"));
            List<Rejection> first = new ArrayList<>();
            for (int i = 0; lines != null && i < lines.length; i++) {
                first.add(new Rejection(name, lines[i], fields[i], why[i]));
            }
            Path file = rs.getBoolean("has_report_file") ? reportFile.apply(id) : null;
            report = new ImportReport(
                    name,
                    types,
                    rs.getLong("unreadable"),
                    first,
                    file != null && java.nio.file.Files.isReadable(file) ? file : null,
                    rs.getLong("waiting"),
                    Duration.ofMillis(rs.getLong("elapsed_ms")));
        }
        long scored = rs.getLong("scored_accounts");
        ScoringReport scoring =
                rs.wasNull() ? null : new ScoringReport(scored, rs.getLong("scored_trusted"), 0, 0, Duration.ZERO);
        return ImportJob.restored(
                id,
                name,
                rs.getLong("size_bytes"),
                rs.getTimestamp("submitted_at").toInstant(),
                ImportJob.State.valueOf(rs.getString("state")),
                rs.getLong("lines"),
                rs.getString("failure"),
                report,
                scoring);
    }

    private static Long[] longs(Array array) throws SQLException {
        return array == null ? null : (Long[]) array.getArray();
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? null : (String[]) array.getArray();
    }
}
