package io.microreach.campaigns.evaluation;

import io.microreach.campaigns.AttributedOrder;
import io.microreach.campaigns.Attribution;
import io.microreach.campaigns.AttributionRules;
import io.microreach.campaigns.AuthoredPost;
import io.microreach.campaigns.ClickKind;
import io.microreach.campaigns.ClickScreen;
import io.microreach.campaigns.CodeLeak;
import io.microreach.campaigns.CouponLeakDetector;
import io.microreach.campaigns.DisclosureCheck;
import io.microreach.campaigns.MissingItem;
import io.microreach.campaigns.PostCheck;
import io.microreach.campaigns.PostRequirements;
import io.microreach.campaigns.TrackedClick;
import io.microreach.campaigns.UgcFinder;
import io.microreach.campaigns.UgcPost;
import io.microreach.domain.Account;
import io.microreach.domain.Post;
import io.microreach.generator.campaigns.CampaignDataSet;
import io.microreach.generator.campaigns.CampaignGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Runs the campaign judgements on generated campaigns and compares them with the planted truth, the way the app will
 * use them: order deliveries deduplicated by order id keeping the newest update, tracking-link requests screened with
 * {@link ClickScreen}, orders attributed with {@link AttributionRules} (default window, promo codes looked up
 * ignoring case), codes judged with {@link CouponLeakDetector}, partner posts checked with {@link DisclosureCheck} and
 * UGC found with {@link UgcFinder}.
 */
public final class CampaignEvaluation {
    private CampaignEvaluation() {}

    /**
     * @param dir the generated pool folder or its {@code campaigns} folder
     * @throws java.io.FileNotFoundException naming the missing file
     */
    public static CampaignEvaluationReport run(Path dir) throws IOException {
        return run(CampaignDataSet.read(dir));
    }

    public static CampaignEvaluationReport run(CampaignDataSet data) {
        return run(data, (truth, verdict) -> {});
    }

    /** As {@link #run(CampaignDataSet)}, showing each code's verdict beside its truth (for tuning). */
    static CampaignEvaluationReport run(
            CampaignDataSet data, BiConsumer<CampaignDataSet.CreatorTruth, CodeLeak> onVerdict) {
        AttributionRules rules = new AttributionRules(AttributionRules.DEFAULT_WINDOW);
        // Creators get ids in file order; codes are unique across the data set (one workspace).
        Map<String, Long> idByTracking = new HashMap<>();
        Map<String, Long> idByCode = new HashMap<>();
        Map<Long, CampaignDataSet.Creator> creatorById = new HashMap<>();
        Map<String, String> handleByAccount = new HashMap<>();
        long next = 1;
        for (CampaignDataSet.Campaign c : data.campaigns()) {
            for (CampaignDataSet.Creator cr : c.creators()) {
                long id = next++;
                idByTracking.put(cr.trackingCode(), id);
                idByCode.put(cr.promoCode().toUpperCase(Locale.ROOT), id);
                creatorById.put(id, cr);
                handleByAccount.put(cr.accountId(), cr.handle());
            }
        }
        for (Account a : data.accounts()) {
            handleByAccount.putIfAbsent(a.platformId(), a.handle());
        }

        // Screening.
        Map<String, ClickKind> plantedKind = new HashMap<>();
        data.truth().clicks().forEach(t -> plantedKind.put(t.clickId(), t.kind()));
        ClickScreen screen = new ClickScreen();
        Map<String, TrackedClick> clickById = new HashMap<>();
        Map<Long, List<TrackedClick>> clicksByCreator = new HashMap<>();
        int screenedCorrectly = 0;
        for (CampaignDataSet.ClickRequest q : data.clicks()) {
            ClickKind kind = screen.classify(q.method(), q.userAgent(), q.purpose());
            if (kind == plantedKind.get(q.clickId())) {
                screenedCorrectly++;
            }
            Long creator = idByTracking.get(q.trackingCode());
            if (kind == ClickKind.CLICK && creator != null) {
                TrackedClick click = new TrackedClick(q.clickId(), creator, q.at());
                clickById.put(q.clickId(), click);
                clicksByCreator.computeIfAbsent(creator, k -> new ArrayList<>()).add(click);
            }
        }

        // Orders: exactly once by order id, the newest version wins.
        Map<String, CampaignDataSet.OrderBody> newest = new LinkedHashMap<>();
        for (CampaignDataSet.OrderBody b : data.orders()) {
            newest.merge(b.orderId(), b, (old, now) -> now.version().isAfter(old.version()) ? now : old);
        }
        Map<String, AttributedOrder> attributed = new HashMap<>();
        Map<Long, List<AttributedOrder>> ordersByCreator = new HashMap<>();
        for (CampaignDataSet.OrderBody b : newest.values()) {
            var event = b.toEvent();
            Attribution a = rules.attribute(
                    event,
                    code -> {
                        Long id = idByCode.get(code.toUpperCase(Locale.ROOT));
                        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
                    },
                    id -> Optional.ofNullable(clickById.get(id)));
            AttributedOrder ao = new AttributedOrder(event, a);
            attributed.put(b.orderId(), ao);
            if (a.attributed()) {
                ordersByCreator
                        .computeIfAbsent(a.creatorId(), k -> new ArrayList<>())
                        .add(ao);
            }
        }
        int correct = 0;
        for (CampaignDataSet.OrderTruth t : data.truth().orders()) {
            AttributedOrder ao = attributed.get(t.orderId());
            if (ao == null) {
                continue;
            }
            Long expected = t.trackingCode() == null ? null : idByTracking.get(t.trackingCode());
            boolean same = java.util.Objects.equals(expected, ao.attribution().creatorId())
                    && ao.attribution().basis() == t.basis()
                    && ao.order().total().compareTo(t.total()) == 0;
            if (same) {
                correct++;
            }
        }

        // Leaks.
        CouponLeakDetector detector = new CouponLeakDetector();
        int leaked = 0;
        int leaksFound = 0;
        int honest = 0;
        int falseAlarms = 0;
        int notAssessable = 0;
        int honestAssessable = 0;
        for (CampaignDataSet.CreatorTruth t : data.truth().creators()) {
            Long id = idByTracking.get(t.trackingCode());
            CampaignDataSet.Creator cr = creatorById.get(id);
            CodeLeak verdict = detector.assess(
                    cr.promoCode(),
                    cr.followers(),
                    clicksByCreator.getOrDefault(id, List.of()),
                    ordersByCreator.getOrDefault(id, List.of()),
                    rules.window());
            onVerdict.accept(t, verdict);
            if (!verdict.assessable()) {
                notAssessable++;
            }
            if (t.leaked()) {
                leaked++;
                leaksFound += verdict.leak() ? 1 : 0;
            } else {
                honest++;
                honestAssessable += verdict.assessable() ? 1 : 0;
                falseAlarms += verdict.leak() ? 1 : 0;
            }
        }

        // Disclosure and requirements.
        Map<String, Post> postById = new HashMap<>();
        data.posts().forEach(p -> postById.put(p.platformId(), p));
        Map<String, CampaignDataSet.Deliverable> deliverableByPost = new HashMap<>();
        for (CampaignDataSet.Campaign c : data.campaigns()) {
            for (CampaignDataSet.Creator cr : c.creators()) {
                for (CampaignDataSet.Deliverable d : cr.deliverables()) {
                    if (d.postPlatformId() != null) {
                        deliverableByPost.put(d.postPlatformId(), d);
                    }
                }
            }
        }
        DisclosureCheck check = new DisclosureCheck();
        int undisclosed = 0;
        int undisclosedFound = 0;
        int disclosed = 0;
        int disclosureFalse = 0;
        int missesPlanted = 0;
        int missesFound = 0;
        int falseMisses = 0;
        for (CampaignDataSet.PostTruth t : data.truth().posts()) {
            Post post = postById.get(t.postId());
            CampaignDataSet.Creator cr = creatorById.get(idByTracking.get(t.trackingCode()));
            CampaignDataSet.Deliverable d = deliverableByPost.get(t.postId());
            boolean foundUndisclosed;
            Set<String> reported = new HashSet<>();
            if (post == null || cr == null || d == null) {
                foundUndisclosed = false;
            } else {
                PostCheck result = check.check(
                        post,
                        cr.handle(),
                        new PostRequirements(
                                d.requiredHashtags(),
                                d.requiredMentions(),
                                d.requireLink(),
                                CampaignGenerator.TRACKING_BASE + cr.trackingCode(),
                                cr.promoCode()));
                foundUndisclosed = !result.disclosed();
                for (MissingItem m : result.missing()) {
                    switch (m.kind()) {
                        case HASHTAG, MENTION -> reported.add(m.item().toLowerCase(Locale.ROOT));
                        case LINK -> reported.add("link");
                        case DISCLOSURE -> {}
                    }
                }
            }
            if (t.disclosed()) {
                disclosed++;
                disclosureFalse += foundUndisclosed ? 1 : 0;
            } else {
                undisclosed++;
                undisclosedFound += foundUndisclosed ? 1 : 0;
            }
            Set<String> planted = new HashSet<>();
            t.missing().forEach(m -> planted.add(m.toLowerCase(Locale.ROOT)));
            missesPlanted += planted.size();
            for (String r : reported) {
                if (planted.contains(r)) {
                    missesFound++;
                } else {
                    falseMisses++;
                }
            }
        }

        // UGC.
        List<AuthoredPost> authored = new ArrayList<>();
        for (Post p : data.posts()) {
            authored.add(new AuthoredPost(p, handleByAccount.get(p.accountPlatformId())));
        }
        UgcFinder finder = new UgcFinder();
        Set<String> reportedUgc = new HashSet<>();
        for (CampaignDataSet.Campaign c : data.campaigns()) {
            Set<String> partners = new HashSet<>();
            c.creators().forEach(cr -> partners.add(cr.accountId()));
            Instant start = c.startsOn().atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = c.endsOn()
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .minusSeconds(1);
            for (UgcPost u : finder.find(authored, partners, c.hashtag(), c.brandHandles(), start, end)) {
                reportedUgc.add(c.name() + "\n" + u.post().platformId());
            }
        }
        Set<String> plantedUgc = new HashSet<>();
        data.truth().ugc().forEach(u -> plantedUgc.add(u.campaign() + "\n" + u.postId()));
        int ugcFound = 0;
        for (String u : reportedUgc) {
            if (plantedUgc.contains(u)) {
                ugcFound++;
            }
        }

        int creators = creatorById.size();
        Double accuracy = rate(correct, data.truth().orders().size());
        Double recall = rate(leaksFound, leaked);
        Double falseRate = rate(falseAlarms, honest);
        Double disclosure = rate(undisclosedFound, undisclosed);
        Double ugcRecall = rate(ugcFound, plantedUgc.size());
        boolean goals = accuracy != null
                && accuracy >= CampaignEvaluationReport.ATTRIBUTION_GOAL
                && recall != null
                && recall >= CampaignEvaluationReport.LEAK_RECALL_GOAL
                && (falseRate == null || falseRate <= CampaignEvaluationReport.LEAK_FALSE_ALARM_GOAL)
                && (disclosure == null || disclosure >= CampaignEvaluationReport.DISCLOSURE_GOAL)
                && ugcRecall != null
                && ugcRecall >= CampaignEvaluationReport.UGC_RECALL_GOAL;
        return new CampaignEvaluationReport(
                data.campaigns().size(),
                creators,
                data.orders().size(),
                newest.size(),
                data.truth().orders().size(),
                correct,
                accuracy,
                leaked,
                leaksFound,
                recall,
                honest,
                falseAlarms,
                falseRate,
                notAssessable,
                honestAssessable,
                undisclosed,
                undisclosedFound,
                disclosure,
                disclosed,
                disclosureFalse,
                rate(disclosureFalse, disclosed),
                missesPlanted,
                missesFound,
                falseMisses,
                plantedUgc.size(),
                reportedUgc.size(),
                ugcFound,
                ugcRecall,
                rate(ugcFound, reportedUgc.size()),
                data.clicks().size(),
                screenedCorrectly,
                rate(screenedCorrectly, data.clicks().size()),
                goals);
    }

    private static Double rate(int numerator, int denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
