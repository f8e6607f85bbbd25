package io.microreach.app.crawl;

import io.microreach.app.home.MicroreachHome;
import io.microreach.app.home.SecretKeyFile;
import org.springframework.stereotype.Component;

/**
 * Encrypts the keys and tokens typed into the Sources page before they reach the database ({@link SecretKeyFile}:
 * AES-256-GCM under the home folder's {@code secret.key}). A copy of the database alone, a backup for example, does
 * not reveal them. The environment variables remain the way to keep a key out of the home folder altogether.
 */
@Component
class SourceSecrets {
    private final SecretKeyFile keys;

    SourceSecrets(MicroreachHome home) {
        this.keys = new SecretKeyFile(home);
    }

    byte[] encrypt(String plain) {
        return keys.seal(plain);
    }

    /** The plain secret; fails when the key file changed since it was stored (the secret must be entered again). */
    String decrypt(byte[] stored) {
        try {
            return keys.open(stored);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "a stored source secret cannot be read with " + keys.path() + " (was the key file replaced?);"
                            + " enter it again on the Sources page",
                    e);
        }
    }
}
