package io.microreach.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh home folders under target/ so tests never touch ~/.microreach and never share a data folder. */
public final class TestHomes {
    private TestHomes() {}

    public static Path newHome(String name) {
        Path base = Path.of(System.getProperty("microreach.test.tmp", "target/test-home"));
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base.toAbsolutePath(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
