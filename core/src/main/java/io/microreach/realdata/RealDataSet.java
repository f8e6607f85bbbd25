package io.microreach.realdata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The public data sets {@link RealDataConverter} can convert, with where each one lives under shared/data. */
public enum RealDataSet {
    /** Akyon and Kalfaoglu's InstaFake: labelled fake/real profiles and 700 genuine accounts with their posts. */
    INSTAFAKE(
            "instafake",
            "instafake",
            List.of(InstaFakeConverter.NON_AUTOMATED, InstaFakeConverter.FAKE, InstaFakeConverter.REAL)),
    /** 100 Instagram posts with caption, hashtags, follower count and likes (format-repaired CSV). */
    INSTAGRAM_REACH("instagram-reach", "instagram-reach-posts", List.of(InstagramReachConverter.FILE));

    private final String cliName;
    private final String folderName;
    private final List<String> fileNames;

    RealDataSet(String cliName, String folderName, List<String> fileNames) {
        this.cliName = cliName;
        this.folderName = folderName;
        this.fileNames = fileNames;
    }

    /** The value of {@code convert --from}. */
    public String cliName() {
        return cliName;
    }

    /** The folder under {@code shared/data/} that holds this set. */
    public String folderName() {
        return folderName;
    }

    /** The files of the folder the conversion reads; all must be present. */
    public List<String> fileNames() {
        return fileNames;
    }

    /** Accepts the CLI name or the folder name, case-insensitively. */
    public static Optional<RealDataSet> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Stream.of(values())
                .filter(s -> s.cliName.equals(wanted) || s.folderName.equals(wanted))
                .findFirst();
    }

    /** The CLI names, comma-separated, for usage and error messages. */
    public static String cliNames() {
        return Stream.of(values()).map(RealDataSet::cliName).collect(Collectors.joining(", "));
    }
}
