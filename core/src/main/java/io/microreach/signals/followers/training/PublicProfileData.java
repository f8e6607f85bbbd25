package io.microreach.signals.followers.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.realdata.PublicDataFiles;
import io.microreach.signals.followers.FollowerProfile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the labelled public profile sets of {@code ../shared/data} (Kaggle "Instagram fake spammer genuine
 * accounts", InstaFake fake-v1.0, Cresci 2015; see that folder's README) into {@link LabelledProfile}s: the shipped
 * model's training data and the held-out sets it is checked on, which {@code eval suspicious --public-data DIR}
 * scores. Nothing here prints or keeps a username or bio: only their lengths, digit shares and word counts leave
 * this class.
 *
 * <p>Splits: the Kaggle set comes with its own train/test files; InstaFake fake-v1.0 is split here, per class, 75%
 * training / 25% held out, by a seeded shuffle ({@link #INSTAFAKE_SPLIT_SEED}), so the split is the same on every
 * run. Cresci 2015 (Twitter) is only ever used for the cross-platform check.
 */
public final class PublicProfileData {
    static final String DATA_PROPERTY = "microreach.realdata";
    static final long INSTAFAKE_SPLIT_SEED = 20_190_101;
    static final double INSTAFAKE_HELD_OUT = 0.25;

    record Split(List<LabelledProfile> training, List<LabelledProfile> heldOut) {}

    /** One labelled evaluation set and what it is. */
    public record LabelledSet(String name, List<LabelledProfile> profiles) {
        public LabelledSet {
            profiles = List.copyOf(profiles);
        }
    }

    /** The files {@link #heldOutSets} reads, relative to the data folder. */
    public static final List<String> HELD_OUT_FILES = List.of(
            "kaggle-instagram-fake-spammer/test.csv",
            "instafake/fakeAccountData.json",
            "instafake/realAccountData.json",
            "cresci2015-twitter-fake-followers/fusers_INT_fake.csv",
            "cresci2015-twitter-fake-followers/users_E13_genuine.csv");

    /**
     * The sets the shipped model was never trained on, as its model card reports them: the Kaggle test file, the
     * held-out 25% of InstaFake and Cresci 2015 (Twitter, the cross-platform check).
     *
     * @throws java.io.FileNotFoundException naming every file of {@link #HELD_OUT_FILES} that {@code root} lacks
     * @throws IllegalArgumentException naming the file whose content is not in its set's format
     */
    public static List<LabelledSet> heldOutSets(Path root) throws IOException {
        PublicDataFiles.requireAll(root, HELD_OUT_FILES);
        return List.of(
                read(
                        "kaggle-instagram-fake-spammer/test.csv",
                        () -> new LabelledSet("Kaggle test.csv", kaggle(root, "test.csv"))),
                read(
                        "instafake",
                        () -> new LabelledSet(
                                "InstaFake held-out 25%", instaFakeSplit(root).heldOut())),
                read(
                        "cresci2015-twitter-fake-followers",
                        () -> new LabelledSet("Cresci 2015 Twitter (cross-platform)", cresci(root))));
    }

    /** The files {@link #labelledSources} reads, relative to the data folder. */
    public static final List<String> SOURCE_FILES = List.of(
            "kaggle-instagram-fake-spammer/train.csv",
            "kaggle-instagram-fake-spammer/test.csv",
            "instafake/fakeAccountData.json",
            "instafake/realAccountData.json",
            "cresci2015-twitter-fake-followers/fusers_INT_fake.csv",
            "cresci2015-twitter-fake-followers/users_E13_genuine.csv");

    /**
     * Every labelled profile of each public source, whole (no split): {@code kaggle} (train.csv and test.csv),
     * {@code instafake} (fake-v1.0, both files) and {@code cresci2015} (E13 genuine and INT bought followers), for
     * the leave-one-source-out evaluation ({@link LeaveOneSourceOut}).
     *
     * @throws java.io.FileNotFoundException naming every file of {@link #SOURCE_FILES} that {@code root} lacks
     * @throws IllegalArgumentException naming the file whose content is not in its set's format
     */
    public static List<LabelledSet> labelledSources(Path root) throws IOException {
        PublicDataFiles.requireAll(root, SOURCE_FILES);
        return List.of(
                read("kaggle-instagram-fake-spammer", () -> {
                    List<LabelledProfile> all = new ArrayList<>(kaggle(root, "train.csv"));
                    all.addAll(kaggle(root, "test.csv"));
                    return new LabelledSet("kaggle", all);
                }),
                read("instafake", () -> new LabelledSet("instafake", instaFake(root))),
                read("cresci2015-twitter-fake-followers", () -> new LabelledSet("cresci2015", cresci(root))));
    }

    private interface SetReader {
        LabelledSet read() throws IOException;
    }

    /** A set, with a format error turned into one that names the file (the message never holds a value). */
    private static LabelledSet read(String source, SetReader reader) throws IOException {
        try {
            return reader.read();
        } catch (RuntimeException | JsonProcessingException e) {
            throw new IllegalArgumentException(
                    source + " is not in the expected format (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private PublicProfileData() {}

    /** {@code -Dmicroreach.realdata=DIR}, else {@code ../shared/data} or {@code ../../shared/data} if present. */
    static Optional<Path> root() {
        String configured = System.getProperty(DATA_PROPERTY);
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (String candidate : new String[] {"../shared/data", "../../shared/data"}) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p.resolve("kaggle-instagram-fake-spammer"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static String missingMessage() {
        return "The real data folder is missing: expected ../shared/data (with kaggle-instagram-fake-spammer, "
                + "instafake, cresci2015-twitter-fake-followers) or -D" + DATA_PROPERTY + "=DIR";
    }

    static List<LabelledProfile> kaggle(Path root, String file) throws IOException {
        List<LabelledProfile> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(
                root.resolve("kaggle-instagram-fake-spammer").resolve(file), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().build().parse(in)) {
                FollowerProfile p = FollowerProfile.unknown()
                        .withCounts(count(r.get("#posts")), count(r.get("#followers")), count(r.get("#follows")))
                        .withFlags(flag(r.get("profile pic")), flag(r.get("private")), flag(r.get("external URL")))
                        .withUsernameShape(null, Double.parseDouble(r.get("nums/length username")))
                        .withBioLength((int) Double.parseDouble(r.get("description length")))
                        .withFullNameWords((int) Double.parseDouble(r.get("fullname words")));
                out.add(new LabelledProfile(p, flag(r.get("fake"))));
            }
        }
        return out;
    }

    /** InstaFake fake-v1.0, both files, in file order (fake first). */
    static List<LabelledProfile> instaFake(Path root) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<LabelledProfile> out = new ArrayList<>();
        for (String file : new String[] {"fakeAccountData.json", "realAccountData.json"}) {
            for (JsonNode a :
                    mapper.readTree(root.resolve("instafake").resolve(file).toFile())) {
                int length = a.path("usernameLength").asInt();
                FollowerProfile p = FollowerProfile.unknown()
                        .withCounts(
                                a.path("userMediaCount").asLong(),
                                a.path("userFollowerCount").asLong(),
                                a.path("userFollowingCount").asLong())
                        .withFlags(
                                a.path("userHasProfilPic").asInt() == 1,
                                a.path("userIsPrivate").asInt() == 1,
                                null)
                        .withUsernameShape(
                                length > 0 ? length : null,
                                length > 0
                                        ? (double) a.path("usernameDigitCount").asInt() / length
                                        : null)
                        .withBioLength(a.path("userBiographyLength").asInt());
                out.add(new LabelledProfile(p, a.path("isFake").asInt() == 1));
            }
        }
        return out;
    }

    /**
     * InstaFake's non-automated accounts (automated-v1.0): 700 genuine accounts, mostly small, with counts, bio
     * length, username shape and link but no picture or private flag. Genuine only: a check of how many ordinary
     * accounts a model flags, not a training set.
     *
     * @throws java.io.FileNotFoundException when the file is absent
     */
    public static List<LabelledProfile> instaFakeNonAutomated(Path root) throws IOException {
        Path file = root.resolve("instafake").resolve("nonautomatedAccountData.json");
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException(root + " lacks instafake/nonautomatedAccountData.json");
        }
        return read("instafake/nonautomatedAccountData.json", () -> {
                    List<LabelledProfile> out = new ArrayList<>();
                    for (JsonNode a : new ObjectMapper().readTree(file.toFile())) {
                        int length = a.path("usernameLength").asInt();
                        FollowerProfile p = FollowerProfile.unknown()
                                .withCounts(
                                        a.path("userMediaCount").asLong(),
                                        a.path("userFollowerCount").asLong(),
                                        a.path("userFollowingCount").asLong())
                                .withFlags(
                                        null, null, a.path("userHasExternalUrl").asInt() == 1)
                                .withUsernameShape(
                                        length > 0 ? length : null,
                                        length > 0
                                                ? (double) a.path("usernameDigitCount")
                                                                .asInt()
                                                        / length
                                                : null)
                                .withBioLength(a.path("userBiographyLength").asInt());
                        out.add(new LabelledProfile(p, false));
                    }
                    return new LabelledSet("instafake non-automated", out);
                })
                .profiles();
    }

    static Split instaFakeSplit(Path root) throws IOException {
        List<LabelledProfile> all = instaFake(root);
        SplittableRandom rng = new SplittableRandom(INSTAFAKE_SPLIT_SEED);
        List<LabelledProfile> training = new ArrayList<>();
        List<LabelledProfile> heldOut = new ArrayList<>();
        for (boolean cls : new boolean[] {true, false}) {
            List<LabelledProfile> rows = new ArrayList<>(
                    all.stream().filter(p -> p.suspicious() == cls).toList());
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                LabelledProfile t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            int cut = (int) Math.round(rows.size() * INSTAFAKE_HELD_OUT);
            heldOut.addAll(rows.subList(0, cut));
            training.addAll(rows.subList(cut, rows.size()));
        }
        return new Split(training, heldOut);
    }

    /** Cresci 2015: E13 genuine humans and INT bought fake followers (Twitter API user fields). */
    static List<LabelledProfile> cresci(Path root) throws IOException {
        List<LabelledProfile> out = new ArrayList<>();
        Path dir = root.resolve("cresci2015-twitter-fake-followers");
        for (String file : new String[] {"fusers_INT_fake.csv", "users_E13_genuine.csv"}) {
            boolean fake = file.contains("fake");
            try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
                for (CSVRecord r :
                        CSVFormat.DEFAULT.builder().setHeader().build().parse(in)) {
                    FollowerProfile p = FollowerProfile.unknown()
                            .withCounts(
                                    count(r.get("statuses_count")),
                                    count(r.get("followers_count")),
                                    count(r.get("friends_count")))
                            .withFlags(
                                    !"1".equals(r.get("default_profile_image").strip()),
                                    "1".equals(r.get("protected").strip()),
                                    !r.get("url").isBlank())
                            .withUsername(r.get("screen_name"))
                            .withBio(r.get("description"))
                            .withFullName(r.get("name"));
                    out.add(new LabelledProfile(p, fake));
                }
            }
        }
        return out;
    }

    /** The training set of the shipped model: Kaggle train.csv plus the InstaFake training split. */
    static List<LabelledProfile> shippedTrainingSet(Path root) throws IOException {
        List<LabelledProfile> training = new ArrayList<>(kaggle(root, "train.csv"));
        training.addAll(instaFakeSplit(root).training());
        return training;
    }

    private static Long count(String s) {
        return s == null || s.isBlank() ? null : (long) Double.parseDouble(s.strip());
    }

    private static boolean flag(String s) {
        return Double.parseDouble(s.strip()) >= 0.5;
    }
}
