package io.microreach.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Post;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.ingest.UnusableInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planted-truth fixture shared by the signal tests: generates a data set with the real generator, reads it back
 * through the real import reader and groups it into one {@link AccountActivity} per account, next to the
 * generator's ground truth for that account.
 */
public final class GeneratedPool {

    /** One generated account: what the product sees and what the generator planted. */
    public record Member(AccountActivity activity, JsonNode truth) {
        public String key() {
            return activity.account().platform().id() + ":" + activity.account().platformId();
        }
    }

    private GeneratedPool() {}

    public static List<Member> generate(GeneratorConfig config, Path dir) {
        try {
            new SyntheticDataGenerator(config).generate(dir);
            return read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Member> read(Path dir) throws IOException {
        try {
            return readGenerated(dir);
        } catch (UnusableInputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<Member> readGenerated(Path dir) throws IOException, UnusableInputException {
        Map<String, Builder> byAccount = new LinkedHashMap<>();
        Map<String, String> postOwner = new HashMap<>();
        try (RecordSource source = InputFiles.open(dir.resolve(SyntheticDataGenerator.DATA_FILE))) {
            while (source.hasNext()) {
                ParsedLine line = source.next();
                if (!(line instanceof ParsedLine.Parsed parsed)) {
                    throw new IllegalStateException("generated data has a rejected line: " + line);
                }
                DataRecord r = parsed.record();
                String platform = r.platform().id();
                switch (r.type()) {
                    case ACCOUNT -> builder(byAccount, platform, ((Account) r).platformId()).account = (Account) r;
                    case POST -> {
                        Post p = (Post) r;
                        postOwner.put(platform + ":" + p.platformId(), platform + ":" + p.accountPlatformId());
                        builder(byAccount, platform, p.accountPlatformId())
                                .posts
                                .add(p);
                    }
                    case COMMENT -> {
                        Comment c = (Comment) r;
                        String owner = postOwner.get(platform + ":" + c.postPlatformId());
                        if (owner == null) {
                            throw new IllegalStateException("comment before its post: " + c.platformId());
                        }
                        byAccount.get(owner).comments.add(c);
                    }
                    case FOLLOWER_SAMPLE ->
                        builder(byAccount, platform, ((FollowerSample) r).accountPlatformId())
                                .followers
                                .add((FollowerSample) r);
                    case FOLLOW_EDGE ->
                        builder(byAccount, platform, ((FollowEdge) r).accountPlatformId())
                                .edges
                                .add((FollowEdge) r);
                    case FOLLOWER_COUNT ->
                        builder(byAccount, platform, ((FollowerCount) r).accountPlatformId())
                                .history
                                .add((FollowerCount) r);
                }
            }
        }
        Map<String, JsonNode> truths = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(SyntheticDataGenerator.GROUND_TRUTH_FILE))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode node = mapper.readTree(line);
                    truths.put(
                            node.get("platform").asText() + ":"
                                    + node.get("account_id").asText(),
                            node);
                }
            }
        }
        List<Member> out = new ArrayList<>();
        byAccount.forEach((key, b) -> {
            b.posts.sort(Comparator.comparing(Post::publishedAt).reversed());
            b.history.sort(Comparator.comparing(FollowerCount::date));
            AccountActivity activity = new AccountActivity(
                    b.account,
                    b.posts,
                    b.comments,
                    b.followers.stream().map(SampledFollower::of).toList(),
                    b.edges,
                    b.history);
            out.add(new Member(activity, truths.get(key)));
        });
        return out;
    }

    private static Builder builder(Map<String, Builder> byAccount, String platform, String accountId) {
        return byAccount.computeIfAbsent(platform + ":" + accountId, k -> new Builder());
    }

    private static final class Builder {
        Account account;
        final List<Post> posts = new ArrayList<>();
        final List<Comment> comments = new ArrayList<>();
        final List<FollowerSample> followers = new ArrayList<>();
        final List<FollowEdge> edges = new ArrayList<>();
        final List<FollowerCount> history = new ArrayList<>();
    }
}
