package io.microreach.realdata;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The hand-made fixture folders under src/test/resources, shaped like the real files with invented values. */
final class Fixtures {
    private Fixtures() {}

    static Path folder(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("fixture folder missing: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
