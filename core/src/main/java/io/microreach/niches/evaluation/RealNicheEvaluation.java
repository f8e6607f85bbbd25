package io.microreach.niches.evaluation;

import io.microreach.ingest.UnusableInputException;
import io.microreach.niches.LabelledVector;
import io.microreach.niches.NicheClassifier;
import io.microreach.niches.NicheTaxonomy;
import io.microreach.niches.SupervisedNicheClassifier;
import io.microreach.niches.TextEmbedder;
import io.microreach.niches.ZeroShotNicheClassifier;
import io.microreach.niches.evaluation.PublicNicheData.GroupedText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Niche classification measured on real public text it was not fitted on (docs/niches.md, "Real data"):
 *
 * <ul>
 *   <li><b>Reddit, hold-out by subreddit.</b> Each niche's subreddits, sorted by name, are dealt alternately into two
 *       folds; the supervised layer is trained on one fold's subreddits and scored on the other's, and the other way
 *       round, with the predictions pooled. A subreddit is never on both sides, so the score says how well the model
 *       carries over to sources it has not seen (a niche with one subreddit, clean beauty, is scored only by a model
 *       that never saw it trained). Zero-shot is scored on every row.
 *   <li><b>Instagram captions (Kim et al. 2020), held-out creators.</b> Creators whose id hash is odd; the even half
 *       is the tuning half (the "unclear" floor was chosen there). Scored per creator (its captions joined as the
 *       product joins an account's posts) and per post, zero-shot and with the model trained on all of Reddit (the
 *       shipped model). Nothing is ever trained on this set: its licence is research-only.
 * </ul>
 *
 * <p>Every row reports macro-F1 and micro-F1 over all texts (an "unclear" answer counts as predicting no niche, so it
 * costs recall), the share answered "unclear", and the macro-F1 on the answered part. Labels are single niches, the
 * predictions multi-label ({@link io.microreach.niches.NicheScores#assignedIds()}).
 */
public final class RealNicheEvaluation {
    private RealNicheEvaluation() {}

    /** One evaluated set and classifier. */
    public record Result(String set, String classifier, NicheEvaluation all, int unclear, NicheEvaluation answered) {
        public double unclearShare() {
            return all.n() == 0 ? 0 : (double) unclear / all.n();
        }
    }

    /**
     * Evaluates on the folder's two sets.
     *
     * @param trainedOnReddit the model trained on all of Reddit (the shipped one), or empty to train it here
     * @param log progress lines (never real texts or names)
     */
    public static List<Result> run(
            Path publicData,
            TextEmbedder embedder,
            ZeroShotNicheClassifier zeroShot,
            Optional<SupervisedNicheClassifier> trainedOnReddit,
            Consumer<String> log)
            throws UnusableInputException {
        NicheTaxonomy taxonomy = zeroShot.taxonomy();
        List<GroupedText> reddit = PublicNicheData.reddit(publicData, taxonomy);
        List<GroupedText> posts = PublicNicheData.instagramPosts(publicData, taxonomy);
        log.accept("read " + reddit.size() + " Reddit titles, " + posts.size() + " Instagram captions");
        List<GroupedText> heldOutPosts =
                posts.stream().filter(p -> isHeldOut(p.group())).toList();
        List<GroupedText> heldOutCreators = PublicNicheData.instagramCreators(heldOutPosts);
        List<GroupedText> postTexts =
                heldOutPosts.stream().map(PublicNicheData::asContentText).toList();

        log.accept("embedding with " + embedder.modelId());
        List<float[]> redditVectors = embed(embedder, reddit);
        List<float[]> creatorVectors = embed(embedder, heldOutCreators);
        List<float[]> postVectors = embed(embedder, postTexts);

        List<Result> out = new ArrayList<>();
        out.add(score("reddit_top2013, all rows", zeroShot, reddit, redditVectors, taxonomy));
        log.accept("training on Reddit, two folds by subreddit");
        out.add(groupedFolds(reddit, redditVectors, zeroShot));

        SupervisedNicheClassifier shipped = trainedOnReddit.orElse(null);
        if (shipped == null) {
            log.accept("training on all of Reddit");
            shipped = trainOnReddit(reddit, redditVectors, zeroShot);
        }
        String creators = "kim2020 held-out creators, captions joined";
        String single = "kim2020 held-out creators, single posts";
        out.add(score(creators, zeroShot, heldOutCreators, creatorVectors, taxonomy));
        out.add(score(creators, shipped, heldOutCreators, creatorVectors, taxonomy));
        out.add(score(single, zeroShot, postTexts, postVectors, taxonomy));
        out.add(score(single, shipped, postTexts, postVectors, taxonomy));
        return out;
    }

    /** Creators with an odd id hash are held out; the even half is for tuning. */
    static boolean isHeldOut(String creatorId) {
        return (creatorId.hashCode() & 1) == 1;
    }

    /**
     * The shipped model's training: every Reddit row, with its niche as the only positive, embedding and words
     * (the lexical part). Deterministic.
     */
    public static SupervisedNicheClassifier trainOnReddit(
            List<GroupedText> reddit, List<float[]> vectors, ZeroShotNicheClassifier zeroShot) {
        List<LabelledVector> data = new ArrayList<>(reddit.size());
        for (int i = 0; i < reddit.size(); i++) {
            data.add(LabelledVector.complete(
                    vectors.get(i), reddit.get(i).text(), Set.of(reddit.get(i).label()), zeroShot.taxonomy()));
        }
        return SupervisedNicheClassifier.train(zeroShot, zeroShot, data, 42, true);
    }

    private static Result groupedFolds(
            List<GroupedText> reddit, List<float[]> vectors, ZeroShotNicheClassifier zeroShot) {
        Set<String> firstFold = firstFold(reddit);
        List<Set<String>> truth = new ArrayList<>();
        List<Set<String>> predicted = new ArrayList<>();
        String id = null;
        for (int fold = 0; fold < 2; fold++) {
            List<GroupedText> train = new ArrayList<>();
            List<float[]> trainVectors = new ArrayList<>();
            for (int i = 0; i < reddit.size(); i++) {
                if (firstFold.contains(reddit.get(i).group()) == (fold == 0)) {
                    train.add(reddit.get(i));
                    trainVectors.add(vectors.get(i));
                }
            }
            SupervisedNicheClassifier model = trainOnReddit(train, trainVectors, zeroShot);
            id = "supervised(Reddit, other fold)+" + zeroShot.id();
            for (int i = 0; i < reddit.size(); i++) {
                if (firstFold.contains(reddit.get(i).group()) != (fold == 0)) {
                    truth.add(Set.of(reddit.get(i).label()));
                    predicted.add(
                            model.classify(vectors.get(i), reddit.get(i).text()).assignedIds());
                }
            }
        }
        return result("reddit_top2013, hold-out by subreddit", id, truth, predicted, zeroShot.taxonomy());
    }

    /** Each niche's subreddits sorted by name, every other one (the first, third, ...) in the first fold. */
    static Set<String> firstFold(List<GroupedText> rows) {
        Map<String, java.util.TreeSet<String>> byNiche = new TreeMap<>();
        for (GroupedText g : rows) {
            byNiche.computeIfAbsent(g.label(), k -> new java.util.TreeSet<>()).add(g.group());
        }
        Set<String> out = new HashSet<>();
        byNiche.values().forEach(groups -> {
            int i = 0;
            for (String g : groups) {
                if (i++ % 2 == 0) {
                    out.add(g);
                }
            }
        });
        return out;
    }

    private static List<float[]> embed(TextEmbedder embedder, List<GroupedText> rows) {
        return embedder.embedAll(rows.stream().map(GroupedText::text).toList());
    }

    private static Result score(
            String set,
            NicheClassifier classifier,
            List<GroupedText> rows,
            List<float[]> vectors,
            NicheTaxonomy taxonomy) {
        List<Set<String>> truth = new ArrayList<>();
        List<Set<String>> predicted = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            truth.add(Set.of(rows.get(i).label()));
            predicted.add(
                    classifier.classify(vectors.get(i), rows.get(i).text()).assignedIds());
        }
        return result(set, classifier.id(), truth, predicted, taxonomy);
    }

    /** Scores all texts and, separately, the answered ones (a prediction of no niche is the "unclear" answer). */
    public static Result result(
            String set,
            String classifier,
            List<Set<String>> truth,
            List<Set<String>> predicted,
            NicheTaxonomy taxonomy) {
        List<Set<String>> answeredTruth = new ArrayList<>();
        List<Set<String>> answeredPredicted = new ArrayList<>();
        int unclear = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (predicted.get(i).isEmpty()) {
                unclear++;
            } else {
                answeredTruth.add(truth.get(i));
                answeredPredicted.add(predicted.get(i));
            }
        }
        return new Result(
                set,
                classifier,
                NicheEvaluation.of(truth, predicted, taxonomy.ids()),
                unclear,
                NicheEvaluation.of(answeredTruth, answeredPredicted, taxonomy.ids()));
    }
}
