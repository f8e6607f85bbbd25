package io.microreach.app.home;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A home folder in which the demo data set was completely loaded and whose database server has stopped, used to
 * start other empty homes without generating, importing, classifying and scoring the demo again.
 *
 * <p>Why a copy of the data folder rather than a dump: the first start's cost is the demo load (generation, the import
 * of 1.6 million lines, niches, scoring and the search index); a {@code pg_restore} would still replay the import's
 * COPYs and rebuild every index, while a data folder of a cleanly stopped server is a consistent file-level snapshot
 * that PostgreSQL's own documentation allows copying (backup and restore, "file system level backup": the server must
 * be shut down). The image is only ever made by the same build that reads it ({@code ./microreach} builds it next to
 * the extracted jar and deletes it with every new build), so the PostgreSQL binaries and the schema are the ones that
 * wrote it; a folder that is not such an image, an image of another demo size, or one whose server is still running
 * is not used, and the demo is loaded the usual way.
 *
 * <p>The copy goes to a temporary folder that is renamed to the data folder only once complete, so a start killed
 * during the copy leaves no half data folder: the next start copies again.
 */
public final class DemoImage {
    private static final Logger LOG = LoggerFactory.getLogger(DemoImage.class);

    /** Written by the demo load into {@code demo-data/} once the demo is loaded, classified, scored and indexed. */
    public static final String STAMP = "loaded.properties";

    private static final String CREATORS = "creators";
    private static final String SEED = "seed";
    private static final String PGDATA = "pgdata";
    private static final String SEARCH = "search";
    private static final String DEMO_DATA = "demo-data";
    private static final String COPYING = "pgdata.copying";
    private static final String RUNTIME = "runtime";
    private static final String POSTGRES = "postgres";

    private DemoImage() {}

    /** What a finished demo load records about itself. */
    public record Stamp(int creators, long seed) {}

    /** Records in {@code home} that its demo data set is completely loaded. */
    public static void stamp(MicroreachHome home, Stamp stamp) {
        Properties p = new Properties();
        p.setProperty(CREATORS, Integer.toString(stamp.creators()));
        p.setProperty(SEED, Long.toString(stamp.seed()));
        try {
            Files.createDirectories(home.demoData());
            Path file = home.demoData().resolve(STAMP);
            Path tmp = home.demoData().resolve(STAMP + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "the demo data set of this home is completely loaded");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the finished demo load: " + e.getMessage(), e);
        }
    }

    /** The stamp of a home whose demo load finished, if any. */
    public static Optional<Stamp> stampOf(Path homeRoot) {
        Path file = homeRoot.resolve(DEMO_DATA).resolve(STAMP);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(
                    new Stamp(Integer.parseInt(p.getProperty(CREATORS)), Long.parseLong(p.getProperty(SEED))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code image} cannot start a home whose demo has {@code creators} creators, or empty when it can.
     */
    static Optional<String> unusable(Path image, int creators) {
        if (!Files.isDirectory(image)) {
            return Optional.of("no such folder");
        }
        Optional<Stamp> stamp = stampOf(image);
        if (stamp.isEmpty()) {
            return Optional.of("its demo load did not finish");
        }
        if (stamp.get().creators() != creators) {
            return Optional.of("it holds " + stamp.get().creators() + " demo creators, not " + creators);
        }
        Path pgdata = image.resolve(PGDATA);
        if (!Files.isRegularFile(pgdata.resolve("PG_VERSION"))) {
            return Optional.of("it has no database folder");
        }
        // The postmaster removes its pid file when it stops; a data folder with one is in use (or was not shut down
        // cleanly), and a copy of it would not be consistent.
        if (Files.exists(pgdata.resolve("postmaster.pid"))) {
            return Optional.of("its database server is running or was not stopped cleanly");
        }
        if (!Files.isDirectory(image.resolve(SEARCH))) {
            return Optional.of("it has no search index");
        }
        return Optional.empty();
    }

    /**
     * Starts {@code home} from {@code image} when the home has no database folder yet and the image is usable.
     * Returns whether it did; a home that already has a database folder is never touched.
     */
    public static boolean seed(MicroreachHome home, Path image, int creators) throws IOException {
        Path target = home.databaseDirectory();
        if (Files.exists(target)) {
            return false;
        }
        Path source = image.toAbsolutePath().normalize();
        if (source.equals(home.root())) {
            return false;
        }
        Optional<String> why = unusable(source, creators);
        if (why.isPresent()) {
            LOG.info("Not starting from the demo image {}: {}; loading the demo data set instead", source, why.get());
            return false;
        }
        LOG.info("Starting {} from the demo image {} (first start only)", home.root(), source);
        long started = System.nanoTime();
        home.create();
        Path copying = home.root().resolve(COPYING);
        deleteTree(copying);
        // The search index and the demo's ground truth belong to the database they describe: replace whatever an
        // earlier, interrupted copy left.
        for (String derived : new String[] {SEARCH, DEMO_DATA}) {
            deleteTree(home.root().resolve(derived));
            copyTree(source.resolve(derived), home.root().resolve(derived));
        }
        // The PostgreSQL binaries the image's server ran from: copying them is faster than unpacking them again.
        Path binaries = source.resolve(RUNTIME).resolve(POSTGRES);
        Path ownBinaries = home.runtime().resolve(POSTGRES);
        if (!Files.exists(ownBinaries) && Files.isDirectory(binaries)) {
            Path binariesCopy = home.runtime().resolve(POSTGRES + ".copying");
            deleteTree(binariesCopy);
            copyTree(binaries, binariesCopy);
            Files.move(binariesCopy, ownBinaries, StandardCopyOption.ATOMIC_MOVE);
        }
        // The image's database knows the image's passwords: copy them to connect once, and have the first start
        // replace them with this home's own (EmbeddedDatabase, "rotate-passwords").
        for (String secret : new String[] {"postgres.password", "microreach.password"}) {
            Path from = source.resolve(RUNTIME).resolve(secret);
            if (Files.exists(from)) {
                Files.copy(
                        from,
                        home.runtime().resolve(secret),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.writeString(home.runtime().resolve("rotate-passwords"), "copied from a demo image\n");
        copyTree(source.resolve(PGDATA), copying);
        Files.move(copying, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Demo image copied in {} ms", (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** Copies a folder tree keeping POSIX permissions (PostgreSQL refuses a data folder readable by others). */
    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(copy);
                PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
                if (view != null) {
                    Files.setPosixFilePermissions(copy, view.readAttributes().permissions());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
