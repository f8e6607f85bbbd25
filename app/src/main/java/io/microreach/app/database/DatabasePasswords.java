package io.microreach.app.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded server's two passwords, one file each under the home's {@code runtime/} folder, readable by the owner
 * only (0600): the superuser's, used to set the server up, and the application role's, used for everything else.
 * They are generated per home (256 random bits) and never logged; a command beside a running server reads them to
 * connect as it does.
 */
record DatabasePasswords(String admin, String app) {
    static final String ADMIN_FILE = "postgres.password";
    static final String APP_FILE = "microreach.password";

    /** Written by a copy of another home (the demo image): its passwords are replaced at the next start. */
    static final String ROTATE = "rotate-passwords";

    private static final SecureRandom RANDOM = new SecureRandom();

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The home's passwords, created on its first start. */
    static DatabasePasswords ofHome(Path runtime) throws IOException {
        Path admin = runtime.resolve(ADMIN_FILE);
        Path app = runtime.resolve(APP_FILE);
        if (!Files.exists(admin)) {
            write(admin, generate());
        }
        if (!Files.exists(app)) {
            write(app, generate());
        }
        return read(runtime);
    }

    static DatabasePasswords read(Path runtime) throws IOException {
        return new DatabasePasswords(
                Files.readString(runtime.resolve(ADMIN_FILE)).strip(),
                Files.readString(runtime.resolve(APP_FILE)).strip());
    }

    DatabasePasswords writeTo(Path runtime) throws IOException {
        write(runtime.resolve(ADMIN_FILE), admin);
        write(runtime.resolve(APP_FILE), app);
        return this;
    }

    /** Writes a secret file readable by the owner only, created with those permissions (never briefly wider). */
    private static void write(Path file, String secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, secret + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
