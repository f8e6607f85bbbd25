package io.microreach.realdata;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The check every real-data evaluation makes before reading: all the files it needs are in the public-data folder.
 * Checking them all first lets the message name every missing file at once, instead of failing on the first one
 * after minutes of work on the others.
 */
public final class PublicDataFiles {
    private PublicDataFiles() {}

    /**
     * @param files paths relative to {@code root}
     * @throws FileNotFoundException naming every file of {@code files} that {@code root} lacks
     */
    public static void requireAll(Path root, Collection<String> files) throws FileNotFoundException {
        List<String> missing = files.stream()
                .distinct()
                .filter(f -> !Files.isRegularFile(root.resolve(f)))
                .toList();
        if (!missing.isEmpty()) {
            throw new FileNotFoundException(
                    root + " lacks " + String.join(", ", missing) + " (the public data sets, see ../shared/data)");
        }
    }
}
