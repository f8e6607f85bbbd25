package io.microreach.app.search;

import io.microreach.app.home.MicroreachHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The on-disk search index under {@code $MICROREACH_HOME/search}. Layout: one folder per build ({@code index-<time>})
 * and a {@code CURRENT} file naming the folder in use. A rebuild writes a fresh folder, commits it with the schema
 * version in the commit data, then replaces {@code CURRENT} by an atomic rename and swaps the searcher, so a reader
 * always sees either the old complete index or the new complete one, never a half-built one; a crash during a
 * rebuild leaves the old index in use and an orphan folder that the next rebuild deletes.
 *
 * <p>The index opens lazily on first use: a missing index, one from an older {@link IndexFields#SCHEMA_VERSION} or
 * one that cannot be read is rebuilt from PostgreSQL then, with a log line. Writes (rebuild, incremental update) are
 * serialised by this object's lock; searches never wait for them except for the very first open. One process per
 * home folder writes the index (Lucene's write lock makes a second writer fail rather than corrupt it).
 */
@Component
public class SearchIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final String CURRENT = "CURRENT";
    private static final String SCHEMA_KEY = "microreach.schema";
    private static final String MODEL_KEY = "microreach.vector.model";
    private static final String DIMS_KEY = "microreach.vector.dims";
    private static final int CHUNK = 1000;
    private static final int INDEXING_THREADS = 2;

    private final Path root;
    private final AccountLoader loader;
    private final SearchSettings settings;
    private volatile Generation current;

    @Autowired
    SearchIndex(MicroreachHome home, AccountLoader loader, SearchSettings settings) {
        this(home.root().resolve("search"), loader, settings);
    }

    SearchIndex(Path root, AccountLoader loader, SearchSettings settings) {
        this.root = root;
        this.loader = loader;
        this.settings = settings;
    }

    /** An open build: its folder, searcher manager and the vector space its vectors come from. */
    record Generation(Path dir, Directory directory, SearcherManager searchers, AccountLoader.VectorSpace space)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            searchers.close();
            directory.close();
        }
    }

    /** An index outside Spring on the given database, for benchmarks; no price estimates. */
    public static SearchIndex standalone(Path root, javax.sql.DataSource dataSource, SearchSettings settings) {
        return new SearchIndex(
                root,
                new AccountLoader(new org.springframework.jdbc.core.JdbcTemplate(dataSource), () -> null),
                settings);
    }

    public Path root() {
        return root;
    }

    /**
     * Runs {@code work} on a current searcher (opening or building the index first if needed); an I/O failure, of the
     * index or of the work, names the index folder.
     */
    <T> T withSearcher(SearchWork<T> work) {
        Generation g = open();
        try {
            IndexSearcher searcher = g.searchers().acquire();
            try {
                return work.apply(new Searching(searcher, g.space()));
            } finally {
                g.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index " + g.dir() + ": " + e.getMessage(), e);
        }
    }

    /** What runs on a searcher; reading the index may fail with an I/O error. */
    @FunctionalInterface
    interface SearchWork<T> {
        T apply(Searching searching) throws IOException;
    }

    /** A searcher with the vector space of the index it reads. */
    record Searching(IndexSearcher searcher, AccountLoader.VectorSpace space) {}

    /** Opens the current build, rebuilding it first when it is missing, stale or unreadable. */
    Generation open() {
        Generation g = current;
        if (g != null) {
            return g;
        }
        synchronized (this) {
            if (current != null) {
                return current;
            }
            String problem = check();
            if (problem != null) {
                LOG.warn("Search index {}; rebuilding it from the database", problem);
                rebuild(IndexProgress.NONE);
            } else {
                try {
                    current = openGeneration(root.resolve(readCurrent()));
                } catch (IOException e) {
                    LOG.warn("Search index could not be opened ({}); rebuilding it from the database", e.toString());
                    rebuild(IndexProgress.NONE);
                }
            }
            return current;
        }
    }

    /** Why the index on disk cannot be served, or null when it can. */
    String check() {
        try {
            if (!Files.exists(root.resolve(CURRENT))) {
                return "is missing at " + root;
            }
            Path dir = root.resolve(readCurrent());
            if (!Files.isDirectory(dir)) {
                return "folder " + dir + " is missing";
            }
            try (Directory d = FSDirectory.open(dir)) {
                if (!DirectoryReader.indexExists(d)) {
                    return "at " + dir + " has no commit";
                }
                Map<String, String> data = SegmentInfos.readLatestCommit(d).getUserData();
                String schema = data.get(SCHEMA_KEY);
                if (schema == null || !schema.equals(Integer.toString(IndexFields.SCHEMA_VERSION))) {
                    return "at " + dir + " has schema version " + schema + ", this version needs "
                            + IndexFields.SCHEMA_VERSION;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot be read (" + e + ")";
        }
    }

    /** Builds a complete new index from the database in a fresh folder and switches to it atomically. */
    public synchronized RebuildReport rebuild(IndexProgress progress) {
        Instant started = Instant.now();
        Path dir = root.resolve("index-" + System.currentTimeMillis());
        AccountLoader.VectorSpace space = loader.dominantVectorSpace();
        List<Long> ids = loader.allIds();
        AtomicLong done = new AtomicLong();
        AtomicLong withVector = new AtomicLong();
        AtomicLong loadNanos = new AtomicLong();
        AtomicLong commitNanos = new AtomicLong();
        try {
            Files.createDirectories(dir);
            ExecutorService pool = Executors.newFixedThreadPool(INDEXING_THREADS, r -> {
                Thread t = new Thread(r, "search-indexer");
                t.setDaemon(true);
                return t;
            });
            // Loading from PostgreSQL and building HNSW graphs both take CPU: load on this thread while two
            // threads index the previous chunks, with at most two chunks waiting so memory stays bounded.
            Semaphore inFlight = new Semaphore(INDEXING_THREADS + 1);
            List<Future<?>> pending = new ArrayList<>();
            try (Directory directory = FSDirectory.open(dir);
                    IndexWriter writer = new IndexWriter(directory, writerConfig(true))) {
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    long loadStart = System.nanoTime();
                    List<IndexedAccount> chunk =
                            loader.load(ids.subList(from, Math.min(ids.size(), from + CHUNK)), space);
                    loadNanos.addAndGet(System.nanoTime() - loadStart);
                    inFlight.acquire();
                    pending.add(pool.submit(() -> {
                        try {
                            List<Document> docs = new ArrayList<>(chunk.size());
                            for (IndexedAccount a : chunk) {
                                docs.add(AccountDocument.of(a, settings.nicheFacetMin()));
                                if (a.vector() != null) {
                                    withVector.incrementAndGet();
                                }
                            }
                            writer.addDocuments(docs);
                            progress.update(done.addAndGet(chunk.size()), ids.size());
                            return null;
                        } finally {
                            inFlight.release();
                        }
                    }));
                    pending.removeIf(Future::isDone);
                }
                for (Future<?> f : pending) {
                    f.get();
                }
                long commitStart = System.nanoTime();
                writer.setLiveCommitData(commitData(space).entrySet());
                writer.commit();
                commitNanos.set(System.nanoTime() - commitStart);
            } finally {
                pool.shutdownNow();
            }
            progress.update(ids.size(), ids.size());
            switchTo(dir, space);
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException("could not build the search index in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(dir);
            throw new IllegalStateException("search index rebuild interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            deleteQuietly(dir);
            throw new IllegalStateException("could not build the search index: " + e.getCause(), e.getCause());
        }
        Duration elapsed = Duration.between(started, Instant.now());
        LOG.info(
                "Search index rebuilt: {} accounts ({} with an embedding) in {} ms",
                ids.size(),
                withVector.get(),
                elapsed.toMillis());
        return new RebuildReport(
                ids.size(),
                withVector.get(),
                dir,
                sizeOf(dir),
                elapsed,
                Duration.ofNanos(loadNanos.get()),
                Duration.ofNanos(commitNanos.get()));
    }

    /**
     * Re-reads the given accounts from the database and replaces (or deletes) their documents. Vectors keep the vector
     * space of the current build; a model change needs a rebuild (the niche classifier's full run triggers one).
     */
    public synchronized void update(List<Long> accountIds) {
        Generation g = current;
        if (g == null) {
            boolean existed = check() == null;
            g = open();
            if (!existed) {
                return; // just rebuilt from the database, which already holds these accounts
            }
        }
        try (IndexWriter writer = new IndexWriter(g.directory(), writerConfig(false))) {
            for (int from = 0; from < accountIds.size(); from += CHUNK) {
                List<Long> chunk = accountIds.subList(from, Math.min(accountIds.size(), from + CHUNK));
                Map<Long, IndexedAccount> loaded = new HashMap<>();
                loader.load(chunk, g.space()).forEach(a -> loaded.put(a.id(), a));
                for (Long id : chunk) {
                    Term term = new Term(IndexFields.ID, Long.toString(id));
                    IndexedAccount a = loaded.get(id);
                    if (a == null) {
                        writer.deleteDocuments(term);
                    } else {
                        writer.updateDocument(term, AccountDocument.of(a, settings.nicheFacetMin()));
                    }
                }
            }
            writer.setLiveCommitData(commitData(g.space()).entrySet());
            writer.commit();
            g.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("could not update the search index: " + e.getMessage(), e);
        }
    }

    /** Bytes on disk of the index in use. */
    public long sizeBytes() {
        return sizeOf(open().dir());
    }

    private Map<String, String> commitData(AccountLoader.VectorSpace space) {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, Integer.toString(IndexFields.SCHEMA_VERSION));
        if (space != null) {
            data.put(MODEL_KEY, space.model());
            data.put(DIMS_KEY, Integer.toString(space.dims()));
        }
        return data;
    }

    private IndexWriterConfig writerConfig(boolean create) {
        IndexWriterConfig config = new IndexWriterConfig(IndexFields.newAnalyzer());
        config.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
        // A big buffer for a rebuild means few flushed segments and so no merges, which would rebuild HNSW graphs;
        // a quarter of the heap leaves room for the loading thread and the searches still served meanwhile.
        double heapMb = Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
        config.setRAMBufferSizeMB(create ? Math.max(64, Math.min(1024, heapMb / 4)) : 64);
        config.setCodec(codec(settings));
        return config;
    }

    /** The default codec with the vector format chosen in the settings (int8 scalar-quantised HNSW by default). */
    static Codec codec(SearchSettings settings) {
        KnnVectorsFormat vectors = settings.quantized()
                ? new Lucene99HnswScalarQuantizedVectorsFormat(settings.hnswMaxConn(), settings.hnswBeamWidth())
                : new Lucene99HnswVectorsFormat(settings.hnswMaxConn(), settings.hnswBeamWidth());
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    private Generation openGeneration(Path dir) throws IOException {
        Directory directory = FSDirectory.open(dir);
        try {
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            AccountLoader.VectorSpace space = data.containsKey(MODEL_KEY)
                    ? new AccountLoader.VectorSpace(data.get(MODEL_KEY), Integer.parseInt(data.get(DIMS_KEY)))
                    : null;
            return new Generation(dir, directory, new SearcherManager(directory, null), space);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private void switchTo(Path dir, AccountLoader.VectorSpace space) throws IOException {
        Generation next = openGeneration(dir);
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, dir.getFileName().toString(), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
        Generation previous = current;
        current = next;
        if (previous != null) {
            // Searches that acquired the old searcher finish on it; SearcherManager closes readers on last release.
            previous.close();
        }
        try (Stream<Path> old = Files.list(root)) {
            old.filter(p -> p.getFileName().toString().startsWith("index-") && !p.equals(dir))
                    .forEach(SearchIndex::deleteQuietly);
        }
    }

    private String readCurrent() throws IOException {
        return Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).strip();
    }

    @Override
    public synchronized void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
