package io.microreach.app.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The home folder and its layout. Resolution order: explicit value (the {@code --home} flag or the {@code
 * microreach.home} property), then the {@code MICROREACH_HOME} environment variable, then {@code ~/.microreach}.
 * Native code that libraries unpack (PostgreSQL binaries, later ONNX/DJL caches) goes under {@link #runtime()} so
 * nothing is scattered over the user's home.
 */
public record MicroreachHome(Path root) {

    public static final String ENV = "MICROREACH_HOME";
    public static final String PROPERTY = "microreach.home";

    public MicroreachHome {
        root = root.toAbsolutePath().normalize();
    }

    public static MicroreachHome resolve(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return new MicroreachHome(Path.of(expand(explicit)));
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new MicroreachHome(Path.of(expand(env)));
        }
        return new MicroreachHome(Path.of(System.getProperty("user.home"), ".microreach"));
    }

    private static String expand(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    /** PostgreSQL data folder of the embedded server. */
    public Path databaseDirectory() {
        return root.resolve("pgdata");
    }

    /** Folder for native code unpacked by libraries. */
    public Path runtime() {
        return root.resolve("runtime");
    }

    /** Generated demo data set. */
    public Path demoData() {
        return root.resolve("demo-data");
    }

    /** Reports written when an input folder is not writable. */
    public Path reports() {
        return root.resolve("reports");
    }

    public MicroreachHome create() {
        try {
            Files.createDirectories(root);
            Files.createDirectories(runtime());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the home folder " + root + ": " + e.getMessage(), e);
        }
    }
}
