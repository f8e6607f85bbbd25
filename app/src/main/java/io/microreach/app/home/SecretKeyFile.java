package io.microreach.app.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets before they reach the database, with AES-256-GCM (the JDK's own implementation) under a key kept
 * in the home folder ({@code secret.key}, readable by its owner only), so that a copy of the database alone, a backup
 * for example, does not reveal them. Each value gets a fresh 96-bit nonce, stored in front of the ciphertext and its
 * 128-bit tag.
 *
 * <p>Several features hold an instance each; the key file is created with a hard link from a finished temporary file,
 * which fails when another instance got there first, so every instance ends up reading the same key.
 */
public final class SecretKeyFile {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private byte[] key;

    public SecretKeyFile(MicroreachHome home) {
        this.keyFile = home.root().resolve("secret.key");
    }

    /** The key file, for messages. */
    public Path path() {
        return keyFile;
    }

    /** Nonce, ciphertext and tag of {@code plain}. */
    public byte[] seal(String plain) {
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
            throw new IllegalStateException("cannot encrypt a secret: " + e.getMessage(), e);
        }
    }

    /**
     * The plain secret.
     *
     * @throws IllegalStateException when the value was sealed under another key (the key file was replaced)
     */
    public String open(byte[] stored) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key(), "AES"),
                    new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(c.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "a stored secret cannot be read with " + keyFile + " (was the key file replaced?)", e);
        }
    }

    private synchronized byte[] key() {
        if (key != null) {
            return key;
        }
        try {
            if (!Files.exists(keyFile)) {
                create();
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

    private void create() throws IOException {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        Files.createDirectories(keyFile.getParent());
        Path tmp = Files.createTempFile(keyFile.getParent(), "secret", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions protect the key
            }
            Files.write(tmp, fresh);
            try {
                Files.createLink(keyFile, tmp);
            } catch (FileAlreadyExistsException e) {
                // another instance (or process) created it first: use theirs
            } catch (UnsupportedOperationException e) {
                if (!Files.exists(keyFile)) {
                    Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
