package io.microreach.signals.commercial;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.Post;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.realdata.RealDataConverter;
import io.microreach.realdata.RealDataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Evaluation on real captions, not a unit test (not matched by Surefire's patterns, so {@code verify} never runs
 * it): the 100 posts of the "Instagram reach" set, converted with the project's own {@link RealDataConverter} and
 * read back with the importer, then classified by {@link SponsorshipDetector#classify} (inviting captions:
 * {@code io.microreach.signals.conversation.InvitingCaptionsRealDataCheck}, on the same posts). Prints counts and the kinds of markers found (never a caption, username or code).
 *
 * <p>Run: {@code ./mvnw -q -B -pl core test -Dtest=CaptionRealDataCheck -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dmicroreach.realdata=DIR}); fails when the data folder is missing.
 */
public class CaptionRealDataCheck {
    static final String DATA_PROPERTY = "microreach.realdata";

    /** The 100 posts of the "Instagram reach" set and, by platform id, their accounts' handles. */
    public record ReachPosts(List<Post> posts, Map<String, String> handles) {}

    @Test
    void captionSignalsOnRealInstagramPosts() throws Exception {
        ReachPosts read = reachPosts();
        List<Post> posts = read.posts();
        SponsorshipDetector detector = new SponsorshipDetector();
        int withCaption = 0;
        int sponsored = 0;
        int undisclosed = 0;
        int weak = 0;
        Map<SponsorshipReason, Integer> reasons = new EnumMap<>(SponsorshipReason.class);
        Map<String, Integer> markerKinds = new TreeMap<>();
        for (Post p : posts) {
            if (p.caption() != null) {
                withCaption++;
            }
            PostSponsorship s = detector.classify(p, read.handles().get(p.accountPlatformId()));
            if (s.sponsored()) {
                sponsored++;
                undisclosed += s.disclosureGap() ? 1 : 0;
                s.reasons().forEach(r -> reasons.merge(r, 1, Integer::sum));
                s.markers().forEach(m -> markerKinds.merge(markerKind(m), 1, Integer::sum));
            }
            weak += !s.sponsored() && !s.weakMarkers().isEmpty() ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "Instagram reach: %d posts, %d with a caption%n", posts.size(), withCaption);
        System.out.printf(
                Locale.ROOT,
                "sponsored posts: %d (%.1f%%), undisclosed %d, weak-only %d, by reason %s%n",
                sponsored,
                100.0 * sponsored / posts.size(),
                undisclosed,
                weak,
                reasons);
        System.out.println("marker kinds found: " + markerKinds);
        assertThat(posts).hasSize(100);
        assertThat(withCaption).isPositive();
    }

    /**
     * The "Instagram reach" set converted with the project's own converter and read back with the importer; fails
     * when the data folder is missing.
     */
    public static ReachPosts reachPosts() throws Exception {
        Path root = dataRoot().orElseThrow(() -> new AssertionError(missingMessage()));
        Path out = Files.createTempDirectory("caption-check").resolve("reach.jsonl");
        new RealDataConverter()
                .convert(RealDataSet.INSTAGRAM_REACH, root.resolve(RealDataSet.INSTAGRAM_REACH.folderName()), out);
        List<Post> posts = new ArrayList<>();
        Map<String, String> handles = new TreeMap<>();
        try (RecordSource source = InputFiles.open(out)) {
            while (source.hasNext()) {
                ParsedLine line = source.next();
                if (line instanceof ParsedLine.Parsed p) {
                    DataRecord r = p.record();
                    if (r instanceof Post post) {
                        posts.add(post);
                    } else if (r instanceof Account a) {
                        handles.put(a.platformId(), a.handle());
                    }
                }
            }
        }
        return new ReachPosts(posts, handles);
    }

    /** A marker as a kind that names no person: hashtags and phrases as they are, codes and links by type. */
    private static String markerKind(String marker) {
        String m = marker.toLowerCase(Locale.ROOT);
        if (m.startsWith("#") || m.equals("paid_partnership") || m.startsWith("?") || m.startsWith("/")) {
            return m;
        }
        if (m.matches(".*\\d.*")) {
            return "<code>";
        }
        return m.length() > 40 ? m.substring(0, 40) : m;
    }

    static Optional<Path> dataRoot() throws Exception {
        String given = System.getProperty(DATA_PROPERTY);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path candidate : List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"))) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.toRealPath());
            }
        }
        return Optional.empty();
    }

    static String missingMessage() {
        String given = System.getProperty(DATA_PROPERTY);
        return given != null && !given.isBlank()
                ? "real data folder " + given + " (from -D" + DATA_PROPERTY + ") does not exist"
                : "real data not found: expected ../shared/data/ beside the checkout, or pass -D" + DATA_PROPERTY
                        + "=DIR";
    }
}
