package io.microreach.realdata;

import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.Post;
import io.microreach.ingest.InputFiles;
import io.microreach.ingest.ParsedLine;
import io.microreach.ingest.RecordSource;
import io.microreach.signals.AccountActivity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the real-data checks share: where the public data sets are (`../shared/data` beside the checkout, or
 * {@code -Dmicroreach.realdata=DIR}), a set converted to the import format and grouped per account, and quantiles for
 * their printed summaries. A check fails with a clear message when the folder is missing; it never skips.
 */
public final class RealDataFolder {
    public static final String DATA_PROPERTY = "microreach.realdata";

    private RealDataFolder() {}

    /** The data folder, or an AssertionError that says where it was looked for. */
    public static Path require() throws java.io.IOException {
        String given = System.getProperty(DATA_PROPERTY);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            if (!Files.isDirectory(p)) {
                throw new AssertionError(
                        "real data folder " + given + " (from -D" + DATA_PROPERTY + ") does not exist");
            }
            return p;
        }
        for (Path candidate : List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toRealPath();
            }
        }
        throw new AssertionError("real data not found: expected ../shared/data/ beside the checkout, or pass -D"
                + DATA_PROPERTY + "=DIR");
    }

    /**
     * Converts {@code set} from {@code root} into {@code scratch} and groups its records per account: each account
     * with its posts, newest first, and no comments, followers or history.
     */
    public static List<AccountActivity> convertAndGroup(RealDataSet set, Path root, Path scratch) throws Exception {
        Path out = scratch.resolve(set.cliName() + ".jsonl");
        new RealDataConverter().convert(set, root.resolve(set.folderName()), out);
        Map<String, Account> accounts = new LinkedHashMap<>();
        Map<String, List<Post>> posts = new LinkedHashMap<>();
        try (RecordSource source = InputFiles.open(out)) {
            while (source.hasNext()) {
                ParsedLine line = source.next();
                if (!(line instanceof ParsedLine.Parsed parsed)) {
                    throw new AssertionError("converted " + set.cliName() + " has a rejected line " + line.line());
                }
                DataRecord r = parsed.record();
                if (r instanceof Account a) {
                    accounts.put(a.platformId(), a);
                } else if (r instanceof Post p) {
                    posts.computeIfAbsent(p.accountPlatformId(), k -> new ArrayList<>())
                            .add(p);
                }
            }
        }
        List<AccountActivity> grouped = new ArrayList<>();
        accounts.forEach((id, a) -> {
            List<Post> own = new ArrayList<>(posts.getOrDefault(id, List.of()));
            own.sort(Comparator.comparing(Post::publishedAt).reversed());
            grouped.add(new AccountActivity(a, own, List.of(), List.of(), List.of(), List.of()));
        });
        return grouped;
    }

    /** Linear interpolation between order statistics (Hyndman and Fan type 7) of an ascending array. */
    public static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
