package io.microreach.signals.commercial.evaluation;

import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.commercial.PostSponsorship;
import io.microreach.signals.commercial.SponsorshipDetector;
import io.microreach.signals.commercial.SponsorshipReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link SponsorshipDetector} against hand labels, one caption at a time (no account, no hashtag list, no mention
 * list: the caption is all the public sets hold). Three questions are scored: sponsored at all (disclosed or not),
 * disclosed, and undisclosed (the compliance flag); and the partner brands the detector names for the captions it
 * calls sponsored, matched by hashed handle against the labelled brands (precision: named brands that are partners;
 * recall: labelled partners that were named).
 *
 * @param n captions scored
 * @param sponsored "sponsored, disclosed or not"
 * @param disclosed "sponsored and disclosed"
 * @param undisclosed "sponsored without disclosure"
 * @param brands partner brands named for captions called sponsored
 * @param confusion counts by labelled class (rows) and predicted class (columns), both in {@link SponsorshipTruth}
 *     order
 * @param selfPromotion captions the detector reports as the creator's own product, not sponsored
 * @param falseAlarmReasons for captions labelled not sponsored but called sponsored, how often each reason fired:
 *     where the remaining false alarms come from
 */
public record SponsorshipEvaluation(
        int n,
        Scores sponsored,
        Scores disclosed,
        Scores undisclosed,
        Scores brands,
        List<List<Integer>> confusion,
        int selfPromotion,
        Map<SponsorshipReason, Integer> falseAlarmReasons) {

    private static final Instant AT = Instant.EPOCH;

    public SponsorshipEvaluation {
        confusion = confusion.stream().map(List::copyOf).toList();
        falseAlarmReasons = Collections.unmodifiableMap(new EnumMap<>(falseAlarmReasons));
    }

    public static SponsorshipEvaluation of(List<LabelledCaption> captions, SponsorshipDetector detector) {
        int k = SponsorshipTruth.values().length;
        int[][] m = new int[k][k];
        int brandHits = 0;
        int brandsNamed = 0;
        int brandsLabelled = 0;
        int self = 0;
        Map<SponsorshipReason, Integer> falseAlarms = new EnumMap<>(SponsorshipReason.class);
        for (LabelledCaption c : captions) {
            CaptionLabel l = c.label();
            Post post = new Post(
                    Platform.INSTAGRAM,
                    l.set() + ":" + l.row(),
                    l.set(),
                    AT,
                    PostFormat.PHOTO,
                    c.text(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            PostSponsorship s = detector.classify(post, null);
            SponsorshipTruth predicted = s.disclosed()
                    ? SponsorshipTruth.DISCLOSED
                    : s.sponsored() ? SponsorshipTruth.UNDISCLOSED : SponsorshipTruth.NONE;
            m[l.truth().ordinal()][predicted.ordinal()]++;
            self += s.selfPromotion() ? 1 : 0;
            if (predicted.sponsored() && !l.truth().sponsored()) {
                s.reasons().forEach(r -> falseAlarms.merge(r, 1, Integer::sum));
            }
            brandsLabelled += l.brandHashes().size();
            if (predicted.sponsored()) {
                Set<String> named = new HashSet<>();
                s.partnerBrands().forEach(b -> named.add(SponsorshipLabelFile.hash(b)));
                brandsNamed += named.size();
                named.retainAll(l.brandHashes());
                brandHits += named.size();
            }
        }
        int d = SponsorshipTruth.DISCLOSED.ordinal();
        int u = SponsorshipTruth.UNDISCLOSED.ordinal();
        int none = SponsorshipTruth.NONE.ordinal();
        int sponsoredHits = m[d][d] + m[d][u] + m[u][d] + m[u][u];
        int predictedSponsored = sponsoredHits + m[none][d] + m[none][u];
        int actualSponsored = sponsoredHits + m[d][none] + m[u][none];
        List<List<Integer>> confusion = new ArrayList<>();
        for (int[] row : m) {
            List<Integer> r = new ArrayList<>();
            for (int v : row) {
                r.add(v);
            }
            confusion.add(r);
        }
        return new SponsorshipEvaluation(
                captions.size(),
                Scores.of(sponsoredHits, predictedSponsored, actualSponsored),
                Scores.of(m[d][d], m[d][d] + m[u][d] + m[none][d], m[d][d] + m[d][u] + m[d][none]),
                Scores.of(m[u][u], m[d][u] + m[u][u] + m[none][u], m[u][d] + m[u][u] + m[u][none]),
                Scores.of(brandHits, brandsNamed, brandsLabelled),
                confusion,
                self,
                falseAlarms);
    }
}
