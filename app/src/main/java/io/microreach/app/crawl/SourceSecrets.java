package io.microreach.app.crawl;

import io.microreach.app.home.MicroreachHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts the keys and tokens typed into the Sources page before they reach the database, with AES-256-GCM (the
 * JDK's own implementation) under a key kept in the home folder ({@code secret.key}, readable by its owner only). A
 * copy of the database alone, a backup for example, does not reveal them. The environment variables remain the way
 * to keep a key out of the home folder altogether.
 */
@Component
class SourceSecrets {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private byte[] key;

    SourceSecrets(MicroreachHome home) {
        this.keyFile = home.root().resolve("secret.key");
    }

    byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a source secret: " + e.getMessage(), e);
        }
    }

    /** The plain secret; fails when the key file changed since it was stored (the secret must be entered again). */
    String decrypt(byte[] stored) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key(), "AES"),
                    new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(c.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a stored source secret cannot be read with " + keyFile + " (was the key file replaced?);"
                            + " enter it again on the Sources page",
                    e);
        }
    }

    private synchronized byte[] key() {
        if (key != null) {
            return key;
        }
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.createDirectories(keyFile.getParent());
                Path tmp = Files.createTempFile(keyFile.getParent(), "secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own permissions protect the key
                }
                Files.write(tmp, fresh);
                Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            byte[] read = Files.readAllBytes(keyFile);
            if (read.length != 32) {
                throw new IllegalStateException(keyFile + " must hold 32 bytes, it holds " + read.length);
            }
            key = read;
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + keyFile + ": " + e.getMessage(), e);
        }
    }
}
