package io.microreach.realdata;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A source folder or file of a real data set is absent. Users hit this when they run the conversion from a
 * checkout without the shared data beside it, so the one-line message says where the sets are expected.
 */
public final class RealDataNotFoundException extends IOException {
    private final transient Path path;

    RealDataNotFoundException(Path path, String problem, RealDataSet set) {
        super(path + ": " + problem + "; the real data sets live in ../shared/data/ beside the checkout"
                + " (this one in ../shared/data/" + set.folderName() + "/)");
        this.path = path;
    }

    /** The folder or file that was looked for. */
    public Path path() {
        return path;
    }
}
