package io.microreach.generator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.microreach.domain.DataRecord;
import io.microreach.domain.RecordType;
import io.microreach.ingest.JsonlRecordWriter;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Generates a synthetic creator data set with planted truths: {@code data.jsonl} in the import format (every record
 * written through {@link JsonlRecordWriter}), {@code ground-truth.jsonl} with one line of planted values per account,
 * and {@code manifest.json} with the configuration and counts. See docs/generator.md.
 *
 * <p>Every creator has its own random streams keyed by seed and index, so its records are the same whatever else is
 * generated and in whatever order. That lets worker threads render small chunks of consecutive creators while this
 * thread writes the finished chunks in index order: a bounded window of chunks is in flight, so memory does not grow
 * with the number of creators, and the files are byte-identical for any number of threads. The generator prints
 * nothing; progress goes to the {@link ProgressListener}.
 */
public final class SyntheticDataGenerator {
    public static final String DATA_FILE = "data.jsonl";
    public static final String GROUND_TRUTH_FILE = "ground-truth.jsonl";
    public static final String MANIFEST_FILE = "manifest.json";

    /** Creators are rendered in parallel (in order-preserving chunks) on up to this many threads. */
    private static final int MAX_THREADS = 8;

    private final GeneratorConfig config;
    private final int threads;

    public SyntheticDataGenerator(GeneratorConfig config) {
        this(config, Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())));
    }

    /** With a fixed number of worker threads; the output does not depend on it. */
    SyntheticDataGenerator(GeneratorConfig config, int threads) {
        this.config = Objects.requireNonNull(config, "config");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    public GeneratorConfig config() {
        return config;
    }

    /** Writes the three files into {@code outDir} (created if missing, files replaced). */
    public GenerationSummary generate(Path outDir) throws IOException {
        return generate(outDir, ProgressListener.NONE);
    }

    public GenerationSummary generate(Path outDir, ProgressListener listener) throws IOException {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(listener, "listener");
        Files.createDirectories(outDir);
        Path data = outDir.resolve(DATA_FILE);
        Path truth = outDir.resolve(GROUND_TRUTH_FILE);
        Path manifest = outDir.resolve(MANIFEST_FILE);
        long[] counts = new long[RecordType.values().length];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "microreach-generator");
            t.setDaemon(true);
            return t;
        });
        PhraseBank phrases = PhraseBank.standard();
        ThreadLocal<CreatorWriter> writers = ThreadLocal.withInitial(() -> new CreatorWriter(config, phrases));
        int chunk = chunkSize();
        try (OutputStream dataOut = new BufferedOutputStream(Files.newOutputStream(data), 1 << 16);
                OutputStream truthOut = new BufferedOutputStream(Files.newOutputStream(truth), 1 << 16)) {
            Deque<Future<Chunk>> window = new ArrayDeque<>();
            int next = 0;
            while (next < config.creators() || !window.isEmpty()) {
                while (window.size() < 2 * threads && next < config.creators()) {
                    int from = next;
                    int to = (int) Math.min(config.creators(), (long) next + chunk);
                    window.add(pool.submit(() -> render(writers.get(), from, to)));
                    next = to;
                }
                Chunk c = await(window.poll());
                dataOut.write(c.data());
                truthOut.write(c.truth());
                for (int t = 0; t < counts.length; t++) {
                    counts[t] += c.counts()[t];
                }
                for (int i = c.from(); i < c.to(); i++) {
                    listener.progress(i + 1L, config.creators());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        GenerationSummary summary = new GenerationSummary(
                config.creators(),
                counts[RecordType.ACCOUNT.ordinal()],
                counts[RecordType.POST.ordinal()],
                counts[RecordType.COMMENT.ordinal()],
                counts[RecordType.FOLLOWER_SAMPLE.ordinal()],
                counts[RecordType.FOLLOW_EDGE.ordinal()],
                counts[RecordType.FOLLOWER_COUNT.ordinal()],
                total,
                data,
                truth,
                manifest);
        writeManifest(manifest, summary);
        return summary;
    }

    /**
     * Renders every creator in index order on the calling thread, without writing files: each creator's records go
     * to {@code records}, then its accounts' ground-truth lines (the lines of {@value #GROUND_TRUTH_FILE}, without
     * the newline) to {@code groundTruthLines}. The records are the ones {@link #generate} writes. For evaluations
     * that read a generated world in memory ({@code eval realism}).
     */
    public void stream(Consumer<DataRecord> records, Consumer<String> groundTruthLines) throws IOException {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(groundTruthLines, "groundTruthLines");
        CreatorWriter creators = new CreatorWriter(config, PhraseBank.standard());
        for (int i = 0; i < config.creators(); i++) {
            StringWriter text = new StringWriter(1 << 12);
            try (GroundTruthWriter truth = new GroundTruthWriter(text)) {
                creators.write(i, records, truth);
            }
            for (String line : text.toString().split("\n")) {
                if (!line.isEmpty()) {
                    groundTruthLines.accept(line);
                }
            }
        }
    }

    /** Creators per work unit: small enough to keep the in-flight output to tens of megabytes at most. */
    private int chunkSize() {
        long linesPerCreator = config.postsPerCreator() * 2L
                + config.commentedPosts() * 8L
                + config.followerSampleSize() * 2L
                + config.historyDays();
        return (int) Math.max(1, Math.min(64, 40_000 / linesPerCreator));
    }

    /** The encoded lines of creators [from, to), rendered on a worker thread. */
    private record Chunk(int from, int to, byte[] data, byte[] truth, long[] counts) {}

    private static Chunk render(CreatorWriter creators, int from, int to) throws IOException {
        StringWriter dataText = new StringWriter(1 << 16);
        StringWriter truthText = new StringWriter(1 << 12);
        long[] counts = new long[RecordType.values().length];
        try (JsonlRecordWriter records = new JsonlRecordWriter(dataText);
                GroundTruthWriter truth = new GroundTruthWriter(truthText)) {
            Consumer<DataRecord> sink = r -> {
                records.write(r);
                counts[r.type().ordinal()]++;
            };
            for (int i = from; i < to; i++) {
                creators.write(i, sink, truth);
            }
        }
        // Each writer ends its text with a newline, so concatenated chunks equal one continuous file.
        return new Chunk(
                from,
                to,
                dataText.toString().getBytes(StandardCharsets.UTF_8),
                truthText.toString().getBytes(StandardCharsets.UTF_8),
                counts);
    }

    private static Chunk await(Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("generation interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Writer open(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    private void writeManifest(Path file, GenerationSummary s) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(open(file))) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("generator", "io.microreach.generator.SyntheticDataGenerator");
            json.writeStringField("format", "JSONL import format, docs/import-format.md");
            json.writeStringField("documentation", "docs/generator.md");
            json.writeObjectFieldStart("config");
            json.writeNumberField("creators", config.creators());
            json.writeNumberField("seed", config.seed());
            json.writeStringField("now", config.now().toString());
            json.writeNumberField("posts_per_creator", config.postsPerCreator());
            json.writeNumberField("commented_posts", config.commentedPosts());
            json.writeNumberField("follower_sample_size", config.followerSampleSize());
            json.writeNumberField("history_days", config.historyDays());
            json.writeEndObject();
            json.writeObjectFieldStart("counts");
            json.writeNumberField("creators", s.creators());
            json.writeNumberField("accounts", s.accounts());
            json.writeNumberField("posts", s.posts());
            json.writeNumberField("comments", s.comments());
            json.writeNumberField("follower_samples", s.followerSamples());
            json.writeNumberField("follow_edges", s.followEdges());
            json.writeNumberField("follower_counts", s.followerCounts());
            json.writeNumberField("total_lines", s.totalLines());
            json.writeNumberField("ground_truth_lines", s.accounts());
            json.writeEndObject();
            json.writeObjectFieldStart("files");
            json.writeStringField("data", DATA_FILE);
            json.writeStringField("ground_truth", GROUND_TRUTH_FILE);
            json.writeEndObject();
            json.writeArrayFieldStart("calibration_sources");
            json.writeString("InstaFake dataset (Akyon & Kalfaoglu 2019, github.com/fcakyon/instafake-dataset), "
                    + "CC BY-NC 4.0: fake/real profile features, per-post likes and comments of small accounts");
            json.writeString("Kaggle 'Instagram fake spammer genuine accounts' train.csv (licence not stated): "
                    + "fake/genuine profile features");
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }
}
