package io.microreach.app.importer;

import io.microreach.app.database.CopyRows;
import io.microreach.app.home.MicroreachHome;
import io.microreach.domain.DataRecord;
import io.microreach.domain.RecordType;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.InputLimits;
import io.microreach.ingest.InputTooLargeException;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.ingest.Rejection;
import io.microreach.ingest.UnusableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Imports one file: reads it line by line, buffers up to {@code batchSize} valid records, and stores each batch in
 * one transaction (COPY into staging tables, then one upsert per record type, parents first). Reading and parsing
 * run on the caller's thread while a writer thread stores the previous batch, so the CPU-bound parse and the
 * database work overlap (about 1.7× faster than doing them in turn on 2 cores); memory is bounded by a few batches
 * whatever the file size, and batches are committed in file order.
 *
 * <p>The first import into empty tables skips the foreign-key checks ({@link FirstLoad}: they cost more than the
 * inserts, and the upserts only write keys they joined), writes comments and the follower tables on connections of
 * their own (see {@link Pipeline}), builds the secondary indexes at its end ({@link DeferredIndexes}) and queues the
 * accounts for scoring once at its end.
 *
 * <p>If the database refuses a batch (a constraint the readers do not know about), the batch is retried row by row so
 * that only the offending lines are rejected and every good line is still stored.
 *
 * <p>A compressed file that expands past {@code microreach.import.max-decompressed-bytes} is refused where it crosses
 * the cap: what was read before is stored (whole batches, each in its own transaction) and the caller gets one line.
 */
@Component
public class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final DataSource dataSource;
    private final MicroreachHome home;
    private final int batchSize;
    private final InputLimits limits;

    public Importer(DataSource dataSource, MicroreachHome home, int batchSize) {
        this(dataSource, home, batchSize, InputLimits.DEFAULT);
    }

    @Autowired
    public Importer(
            DataSource dataSource,
            MicroreachHome home,
            @Value("${microreach.import.batch-size:20000}") int batchSize,
            @Value("${microreach.import.max-decompressed-bytes:4GB}") DataSize maxDecompressed,
            @Value("${microreach.import.max-line-bytes:1MB}") DataSize maxLine) {
        this(dataSource, home, batchSize, limits(maxDecompressed, maxLine));
    }

    public Importer(DataSource dataSource, MicroreachHome home, int batchSize, InputLimits limits) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("microreach.import.batch-size must be at least 1, got " + batchSize);
        }
        this.dataSource = dataSource;
        this.home = home;
        this.batchSize = batchSize;
        this.limits = limits;
    }

    private static InputLimits limits(DataSize maxDecompressed, DataSize maxLine) {
        if (maxLine.toBytes() > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("microreach.import.max-line-bytes must be below 2GB, got " + maxLine);
        }
        return new InputLimits(maxDecompressed.toBytes(), (int) maxLine.toBytes());
    }

    /** The caps every import reads under. */
    public InputLimits limits() {
        return limits;
    }

    /** Imports {@code file}; rejections go to {@code FILE.rejected.csv} beside it (or under the home's reports). */
    public ImportReport importFile(Path file, ImportProgress progress) throws UnusableInputException {
        return importFile(file, file.toString(), null, progress);
    }

    /**
     * Imports {@code file} under the name {@code name}, which stands for it in every rejection and message (an
     * upload's original name: no server path reaches the user); rejections go to {@code rejectionReport}, or beside
     * the file when it is {@code null}.
     */
    public ImportReport importFile(Path file, String name, Path rejectionReport, ImportProgress progress)
            throws UnusableInputException {
        long started = System.nanoTime();
        Counts counts = new Counts();
        ExecutorService writers = Executors.newFixedThreadPool(1 + LANES.size(), r -> {
            Thread t = new Thread(r, "microreach-import-writer");
            t.setDaemon(true);
            return t;
        });
        try (RecordSource source = InputFiles.open(file, name, limits);
                RejectionLog rejections = new RejectionLog(file, home.reports(), rejectionReport);
                Connection connection = dataSource.getConnection()) {
            rejections.removeStale();
            connection.setAutoCommit(false);
            createStaging(connection);
            // Indexes an interrupted first load left out are built before anything else is written.
            DeferredIndexes.build(connection);
            boolean firstLoad = FirstLoad.applies(connection);
            ErasedSubjects erased = ErasedSubjects.load(new JdbcTemplate(dataSource));
            try (LaneConnections lanes = new LaneConnections()) {
                if (firstLoad) {
                    List<String> deferred = DeferredIndexes.drop(connection);
                    for (int i = 0; i < LANES.size(); i++) {
                        Connection lane = lanes.add(dataSource.getConnection());
                        lane.setAutoCommit(false);
                        createStaging(lane);
                    }
                    LOG.info(
                            "First load into empty tables: foreign-key checks skipped (every key comes from a join),"
                                    + " comments and follower tables written on connections of their own,"
                                    + " {} secondary indexes built at the end",
                            deferred.size());
                }
                Pipeline pipeline = new Pipeline(
                        writers, connection, lanes.connections, source.name(), firstLoad, counts, rejections);
                List<Staged> batch = new ArrayList<>(batchSize);
                long lines = 0;
                long lastProgress = System.nanoTime();
                String tooLarge = null;
                while (true) {
                    try {
                        if (!hasNext(source, rejections, counts, lines)) {
                            break;
                        }
                    } catch (InputTooLargeException e) {
                        tooLarge = e.getMessage();
                        break;
                    }
                    ParsedLine line = source.next();
                    lines++;
                    if (line instanceof ParsedLine.Rejected rejected) {
                        rejections.add(rejected.rejection());
                        counts.rejected(rejected.type());
                    } else {
                        ParsedLine.Parsed parsed = (ParsedLine.Parsed) line;
                        Optional<String> erasedField = erased.erasedField(parsed.record());
                        if (erasedField.isPresent()) {
                            rejections.add(new Rejection(
                                    source.name(),
                                    parsed.line(),
                                    erasedField.get(),
                                    "names a creator erased on request (GDPR art. 17); not imported"));
                            counts.rejected(parsed.record().type());
                        } else {
                            batch.add(new Staged(parsed.line(), parsed.record()));
                            if (batch.size() >= batchSize) {
                                pipeline.submit(batch);
                                batch = new ArrayList<>(batchSize);
                            }
                        }
                    }
                    if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                        progress.update(source.bytesRead(), source.totalBytes(), lines);
                        lastProgress = System.nanoTime();
                    }
                }
                pipeline.submit(batch);
                pipeline.drain();
                if (firstLoad) {
                    FirstLoad.skipForeignKeyChecks(connection);
                    FirstLoad.queueAllAccounts(connection);
                }
                long waiting = OrphanLinks.link(connection);
                connection.commit();
                if (firstLoad) {
                    DeferredIndexes.build(connection);
                }
                if (tooLarge != null) {
                    throw new UnusableInputException(String.format(
                            Locale.ROOT,
                            "%s; the %,d lines before were imported (%,d stored, %,d unchanged, %,d rejected)",
                            tooLarge,
                            lines,
                            counts.total(0),
                            counts.total(1),
                            counts.rejectedTotal()));
                }
                if (lines == 0 && counts.rejectedTotal() == 0) {
                    throw new UnusableInputException(
                            source.name() + ": holds no records (only blank lines or a header)");
                }
                progress.update(source.totalBytes(), source.totalBytes(), lines);
                return new ImportReport(
                        source.name(),
                        counts.toList(),
                        counts.unreadable,
                        rejections.first(),
                        rejections.file(),
                        waiting,
                        Duration.ofNanos(System.nanoTime() - started));
            } finally {
                if (firstLoad) {
                    rebuildAfterFailure(connection);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("database error while importing " + name + ": " + e.getMessage(), e);
        } finally {
            writers.shutdownNow();
        }
    }

    /**
     * A first load that failed still builds the indexes it dropped (a no-op after a load that succeeded); if even
     * that fails, the next import or start does it.
     */
    private static void rebuildAfterFailure(Connection connection) {
        try {
            connection.rollback();
            DeferredIndexes.build(connection);
        } catch (SQLException e) {
            LOG.warn(
                    "Secondary indexes left out by an interrupted first load will be built at the next start: {}",
                    e.getMessage());
        }
    }

    /** The extra connections of a first load, closed together. */
    private static final class LaneConnections implements AutoCloseable {
        private final List<Connection> connections = new ArrayList<>();

        Connection add(Connection c) {
            connections.add(c);
            return c;
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /**
     * The record types a first load writes on connections of their own, one lane each: comments, and the follower
     * tables. Each references only rows of the main lane (posts, accounts), which the main connection commits one
     * batch earlier; the main lane keeps accounts and posts.
     */
    private static final List<Set<RecordType>> LANES = List.of(
            EnumSet.of(RecordType.COMMENT),
            EnumSet.of(RecordType.FOLLOWER_SAMPLE, RecordType.FOLLOW_EDGE, RecordType.FOLLOWER_COUNT));

    /**
     * Batches on their way to the database. Parsing the next batch overlaps with the database storing the previous
     * one. On a first load, comments and the follower tables (together about four fifths of a typical file's rows)
     * go through lanes with connections of their own, one batch behind: a batch's comments and follower rows are
     * written once its posts and accounts are committed, while the main connection already stores the next batch's
     * accounts and posts, so three PostgreSQL backends work at once. The lanes write disjoint tables; only the main
     * lane queues accounts for scoring, so they never wait on each other's locks. Memory stays bounded by three
     * batches.
     */
    private static final class Pipeline {
        private final ExecutorService writers;
        private final Connection main;
        private final List<Lane> lanes = new ArrayList<>();
        private final String source;
        private final boolean firstLoad;
        private final Counts counts;
        private final RejectionLog rejections;
        private Future<BatchOutcome> mainInFlight;

        /** One lane: its connection, its record types, the batch part in flight and the part waiting for it. */
        private final class Lane {
            final Connection connection;
            final Set<RecordType> types;
            Future<BatchOutcome> inFlight;
            List<Staged> waiting = List.of();

            Lane(Connection connection, Set<RecordType> types) {
                this.connection = connection;
                this.types = types;
            }

            void start() throws SQLException {
                if (waiting.isEmpty()) {
                    return;
                }
                apply(await(inFlight), counts, rejections);
                List<Staged> part = waiting;
                waiting = List.of();
                inFlight = writers.submit(() -> store(connection, source, part, true, false));
            }
        }

        Pipeline(
                ExecutorService writers,
                Connection main,
                List<Connection> laneConnections,
                String source,
                boolean firstLoad,
                Counts counts,
                RejectionLog rejections) {
            this.writers = writers;
            this.main = main;
            for (int i = 0; i < laneConnections.size(); i++) {
                lanes.add(new Lane(laneConnections.get(i), LANES.get(i)));
            }
            this.source = source;
            this.firstLoad = firstLoad;
            this.counts = counts;
            this.rejections = rejections;
        }

        void submit(List<Staged> batch) throws SQLException {
            apply(await(mainInFlight), counts, rejections);
            // The main connection has committed the batch before this one: its lane rows may go now.
            for (Lane lane : lanes) {
                lane.start();
            }
            List<Staged> mainPart = batch;
            if (!lanes.isEmpty()) {
                mainPart = new ArrayList<>(batch.size());
                for (Lane lane : lanes) {
                    lane.waiting = new ArrayList<>();
                }
                for (Staged s : batch) {
                    Lane lane = laneFor(s.record().type());
                    (lane == null ? mainPart : lane.waiting).add(s);
                }
            }
            List<Staged> part = mainPart;
            mainInFlight = writers.submit(() -> store(main, source, part, firstLoad, true));
        }

        private Lane laneFor(RecordType type) {
            for (Lane lane : lanes) {
                if (lane.types.contains(type)) {
                    return lane;
                }
            }
            return null;
        }

        void drain() throws SQLException {
            apply(await(mainInFlight), counts, rejections);
            mainInFlight = null;
            for (Lane lane : lanes) {
                lane.start();
            }
            for (Lane lane : lanes) {
                apply(await(lane.inFlight), counts, rejections);
                lane.inFlight = null;
            }
        }
    }

    private static BatchOutcome await(Future<BatchOutcome> inFlight) throws SQLException {
        if (inFlight == null) {
            return BatchOutcome.EMPTY;
        }
        try {
            return inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void apply(BatchOutcome outcome, Counts counts, RejectionLog rejections) {
        counts.add(outcome.stored());
        for (RefusedRow refused : outcome.refused()) {
            rejections.add(refused.rejection());
            counts.rejected(refused.type());
        }
    }

    /**
     * A file that breaks in the middle (an unterminated CSV quote, a truncated gzip stream) keeps everything read so
     * far: the break becomes one rejection and the buffered batch is still stored.
     */
    private static boolean hasNext(RecordSource source, RejectionLog rejections, Counts counts, long linesSoFar) {
        try {
            return source.hasNext();
        } catch (UncheckedIOException e) {
            rejections.add(new Rejection(
                    source.name(), linesSoFar + 1, "-", "the rest of the file is unreadable: " + e.getMessage()));
            counts.rejected(null);
            return false;
        }
    }

    private static void createStaging(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (StagedUpsert upsert : StagedUpsert.values()) {
                st.execute(upsert.createStageSql());
            }
        }
        connection.commit();
    }

    /**
     * Stores one batch in one transaction; if the database refuses it, retries row by row. Runs on a writer thread.
     * {@code queue} false leaves the accounts of the stored rows off the scoring queue (a first load queues every
     * account at its end).
     */
    private static BatchOutcome store(
            Connection connection, String source, List<Staged> batch, boolean firstLoad, boolean queue)
            throws SQLException {
        if (batch.isEmpty()) {
            return BatchOutcome.EMPTY;
        }
        try {
            Map<RecordType, long[]> delta = write(connection, batch, firstLoad, queue);
            connection.commit();
            return new BatchOutcome(delta, List.of());
        } catch (SQLException e) {
            connection.rollback();
        }
        Map<RecordType, long[]> total = new EnumMap<>(RecordType.class);
        List<RefusedRow> refused = new ArrayList<>();
        for (Staged row : batch) {
            try {
                Map<RecordType, long[]> delta = write(connection, List.of(row), firstLoad, queue);
                connection.commit();
                delta.forEach((type, d) -> total.merge(type, d, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
            } catch (SQLException rowError) {
                connection.rollback();
                refused.add(new RefusedRow(
                        new Rejection(source, row.line(), "-", "the database refused the row: " + firstLine(rowError)),
                        row.record().type()));
            }
        }
        return new BatchOutcome(total, refused);
    }

    /** Writes one batch in the current transaction; returns {stored, unchanged} per type. */
    private static Map<RecordType, long[]> write(
            Connection connection, List<Staged> batch, boolean firstLoad, boolean queue) throws SQLException {
        if (firstLoad) {
            FirstLoad.skipForeignKeyChecks(connection);
        }
        Map<RecordType, List<Staged>> byType = new EnumMap<>(RecordType.class);
        for (Staged s : batch) {
            byType.computeIfAbsent(s.record().type(), t -> new ArrayList<>()).add(s);
        }
        Map<RecordType, long[]> delta = new EnumMap<>(RecordType.class);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyRows rows = new CopyRows();
        // RecordType's order puts parents (accounts, posts) before the rows that reference them.
        for (Map.Entry<RecordType, List<Staged>> entry : byType.entrySet()) {
            StagedUpsert upsert = StagedUpsert.of(entry.getKey());
            rows.clear();
            for (Staged s : entry.getValue()) {
                upsert.write(s.line(), s.record(), rows);
            }
            try {
                copy.copyIn(upsert.copySql(), rows.reader());
            } catch (IOException e) {
                throw new SQLException("COPY failed: " + e.getMessage(), e);
            }
            try (Statement st = connection.createStatement()) {
                for (String sql : upsert.preparationSql()) {
                    st.executeUpdate(sql);
                }
                long stored;
                // A first load queues every account at its end; until then only the accounts themselves are queued
                // (so that an import cut short leaves what it stored on the queue), not once more per child row.
                if (queue && (!firstLoad || upsert == StagedUpsert.ACCOUNT)) {
                    try (ResultSet rs = st.executeQuery(upsert.upsertAndQueueSql())) {
                        rs.next();
                        stored = rs.getLong(1);
                    }
                } else {
                    stored = st.executeUpdate(upsert.upsertSql());
                }
                delta.put(entry.getKey(), new long[] {stored, entry.getValue().size() - stored});
            }
        }
        return delta;
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private record Staged(long line, DataRecord record) {}

    private record RefusedRow(Rejection rejection, RecordType type) {}

    /** What storing one batch did: {stored, unchanged} per type and the rows the database refused. */
    private record BatchOutcome(Map<RecordType, long[]> stored, List<RefusedRow> refused) {
        static final BatchOutcome EMPTY = new BatchOutcome(Map.of(), List.of());
    }

    /** Per-type counters of one import. */
    private static final class Counts {
        private final Map<RecordType, long[]> byType = new EnumMap<>(RecordType.class);
        private long unreadable;

        Counts() {
            for (RecordType t : RecordType.values()) {
                byType.put(t, new long[3]);
            }
        }

        void add(Map<RecordType, long[]> delta) {
            delta.forEach((type, d) -> {
                byType.get(type)[0] += d[0];
                byType.get(type)[1] += d[1];
            });
        }

        long total(int column) {
            return byType.values().stream().mapToLong(c -> c[column]).sum();
        }

        long rejectedTotal() {
            return unreadable + total(2);
        }

        void rejected(RecordType type) {
            if (type == null) {
                unreadable++;
            } else {
                byType.get(type)[2]++;
            }
        }

        List<TypeCounts> toList() {
            List<TypeCounts> out = new ArrayList<>();
            byType.forEach((type, c) -> out.add(new TypeCounts(type, c[0], c[1], c[2])));
            return out;
        }
    }
}
