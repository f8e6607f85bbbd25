package io.microreach.signals.conversation;

import io.microreach.generator.GeneratorConfig;
import io.microreach.signals.GeneratedPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One generated pool (400 creators, seed 20261101, small follower samples since these signals do not read them)
 * shared by the planted-truth tests of the conversation and commercial packages, so that the test suite generates it
 * once per JVM.
 */
public final class PlantedPool {
    public static final int CREATORS = 400;
    public static final long SEED = 20261101L;
    private static List<GeneratedPool.Member> pool;

    private PlantedPool() {}

    public static synchronized List<GeneratedPool.Member> members() {
        if (pool == null) {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("planted-conversation");
                pool = GeneratedPool.generate(GeneratorConfig.of(CREATORS, SEED).withFollowerSampleSize(5), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                delete(dir);
            }
        }
        return pool;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
