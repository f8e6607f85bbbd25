package io.microreach.app.searcheval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.ingest.UnusableInputException;
import io.microreach.niches.NicheTaxonomy;
import io.microreach.niches.evaluation.PublicNicheData;
import io.microreach.niches.evaluation.PublicNicheData.GroupedText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real Instagram creators of Kim et al. 2020 (instagram_influencer_kim2020 in the shared public-data folder; research
 * only, so read in place and never copied): for each of its eight categories, the first {@code perCategory} creators
 * in file order, each an account whose posts are its captions. The category (mapped onto niche ids by the folder's
 * SOURCE.md) is the truth; the set has no countries, languages or follower counts, so its queries judge topic only.
 * Accounts are named by the 12-hex creator hash the folder provides, never by a real username.
 */
final class PublicCorpus extends Corpus {
    private static final Instant FIRST_POST = Instant.parse("2019-01-01T12:00:00Z");
    private final Path publicData;
    private final int perCategory;
    private Map<String, List<GroupedText>> chosen;

    PublicCorpus(Path publicData, int perCategory) {
        this.publicData = publicData;
        this.perCategory = perCategory;
    }

    @Override
    String name() {
        return "kim2020";
    }

    @Override
    String description() {
        return "kim2020 creatorsPerCategory=" + perCategory;
    }

    /** The chosen creators' captions by creator hash, in file order. */
    private Map<String, List<GroupedText>> chosen() throws IOException {
        if (chosen == null) {
            List<GroupedText> posts;
            try {
                posts = PublicNicheData.instagramPosts(publicData, NicheTaxonomy.load());
            } catch (UnusableInputException e) {
                throw new IOException(e.getMessage(), e);
            }
            Map<String, Integer> perLabel = new LinkedHashMap<>();
            Map<String, List<GroupedText>> byCreator = new LinkedHashMap<>();
            for (GroupedText p : posts) {
                List<GroupedText> own = byCreator.get(p.group());
                if (own == null) {
                    if (perLabel.getOrDefault(p.label(), 0) >= perCategory) {
                        continue;
                    }
                    perLabel.merge(p.label(), 1, Integer::sum);
                    own = new ArrayList<>();
                    byCreator.put(p.group(), own);
                }
                own.add(p);
            }
            chosen = byCreator;
        }
        return chosen;
    }

    private static String handle(String creator) {
        return "kim_" + creator;
    }

    @Override
    Path writeImport(Path dir) throws IOException {
        Path file = dir.resolve("kim2020.jsonl");
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (var e : chosen().entrySet()) {
                String id = handle(e.getKey());
                Map<String, Object> account = new LinkedHashMap<>();
                account.put("type", "account");
                account.put("platform", "instagram");
                account.put("id", id);
                account.put("handle", id);
                account.put("followers", 0);
                out.write(json.writeValueAsString(account));
                out.newLine();
                int n = 0;
                for (GroupedText post : e.getValue()) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("type", "post");
                    p.put("platform", "instagram");
                    p.put("id", id + "-" + n);
                    p.put("account_id", id);
                    p.put("published_at", FIRST_POST.plus(n, ChronoUnit.DAYS).toString());
                    p.put("format", "photo");
                    p.put("caption", post.text());
                    out.write(json.writeValueAsString(p));
                    out.newLine();
                    n++;
                }
            }
        }
        return file;
    }

    @Override
    Map<String, Truth> truth() throws IOException {
        Map<String, Truth> truth = new LinkedHashMap<>();
        for (var e : chosen().entrySet()) {
            Truth t = new Truth(
                    "instagram", handle(e.getKey()), List.of(e.getValue().get(0).label()), null, null, null, 0);
            truth.put(t.key(), t);
        }
        return truth;
    }
}
