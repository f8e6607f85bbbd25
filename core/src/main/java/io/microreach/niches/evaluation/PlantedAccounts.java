package io.microreach.niches.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.domain.Account;
import io.microreach.domain.Post;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.ingest.UnusableInputException;
import io.microreach.niches.ContentText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a generated data set (the generator's {@code data.jsonl} and {@code ground-truth.jsonl}) into the content
 * texts the product classifies ({@link ContentText}, same rules as the app) with their planted niches: the planted
 * truth of niche classification.
 */
public final class PlantedAccounts {
    private PlantedAccounts() {}

    private record Caption(java.time.Instant at, String text, List<String> hashtags) {}

    public static List<PlantedAccount> read(Path folder) throws IOException, UnusableInputException {
        Path truth = folder.resolve("ground-truth.jsonl");
        Path data = folder.resolve("data.jsonl");
        if (!Files.isRegularFile(truth) || !Files.isRegularFile(data)) {
            throw new UnusableInputException(
                    folder + ": no generated data set here (data.jsonl and ground-truth.jsonl)");
        }
        Map<String, String> bios = new HashMap<>();
        Map<String, List<Caption>> captions = new HashMap<>();
        try (RecordSource source = InputFiles.open(data)) {
            while (source.hasNext()) {
                ParsedLine line = source.next();
                if (line instanceof ParsedLine.Parsed p) {
                    if (p.record() instanceof Account a) {
                        bios.put(key(a.platform().id(), a.platformId()), a.bio());
                    } else if (p.record() instanceof Post post) {
                        captions.computeIfAbsent(
                                        key(post.platform().id(), post.accountPlatformId()), k -> new ArrayList<>())
                                .add(new Caption(post.publishedAt(), post.caption(), post.hashtags()));
                    }
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<PlantedAccount> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String platform = n.path("platform").asText();
                String id = n.path("account_id").asText();
                String primary = null;
                Map<String, Double> weights = new LinkedHashMap<>();
                for (JsonNode niche : n.path("niches")) {
                    weights.put(
                            niche.path("niche").asText(), niche.path("weight").asDouble());
                    if (niche.path("primary").asBoolean()) {
                        primary = niche.path("niche").asText();
                    }
                }
                List<Caption> posts = captions.getOrDefault(key(platform, id), List.of()).stream()
                        .sorted(Comparator.comparing(Caption::at).reversed())
                        .limit(ContentText.RECENT_POSTS)
                        .toList();
                String text = ContentText.of(
                        bios.get(key(platform, id)),
                        posts.stream().map(Caption::text).toList(),
                        posts.stream().flatMap(c -> c.hashtags().stream()).toList());
                out.add(new PlantedAccount(platform, id, n.path("language").asText(), primary, weights, text));
            }
        }
        return out;
    }

    private static String key(String platform, String id) {
        return platform + "/" + id;
    }
}
