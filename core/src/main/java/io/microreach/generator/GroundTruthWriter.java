package io.microreach.generator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes {@code ground-truth.jsonl}: one JSON object per account with every planted value next to what was realised
 * in the records (docs/generator.md lists the fields). Planted values are what the generator drew from; realised
 * counts are exact counts in data.jsonl, so evaluations can score estimators against either.
 */
final class GroundTruthWriter implements Closeable {
    private final JsonGenerator json;

    GroundTruthWriter(Writer out) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
        json.setRootValueSeparator(new SerializedString("\n"));
    }

    void write(
            AccountPlan plan,
            FollowerHistory history,
            CreatorWriter.PostTally posts,
            CommentWriter.Tally comments,
            CreatorWriter.SampleTally sample,
            List<CommentWriter.Commenter> podMembers)
            throws IOException {
        CreatorIdentity id = plan.identity();
        json.writeStartObject();
        json.writeStringField("platform", plan.platform().id());
        json.writeStringField("account_id", plan.accountId());
        json.writeStringField("handle", plan.handle());
        json.writeStringField("creator", id.creatorKey());
        json.writeNumberField("creator_index", id.index());
        json.writeNumberField("account_slot", plan.slot());
        json.writeStringField("country", id.country().name());
        json.writeStringField("language", id.language());
        json.writeNumberField("followers", plan.followers());
        json.writeStringField("tier", plan.tier().id());

        json.writeArrayFieldStart("niches");
        for (int i = 0; i < id.niches().size(); i++) {
            CreatorIdentity.NicheWeight nw = id.niches().get(i);
            json.writeStartObject();
            json.writeStringField("niche", nw.niche().id());
            json.writeNumberField("weight", nw.weight());
            json.writeBooleanField("primary", i == 0);
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("communities");
        for (AudienceMix.Component c : plan.audience().components()) {
            json.writeStartObject();
            json.writeStringField("id", c.community().id());
            json.writeNumberField("weight", c.weight());
            json.writeNumberField("pool_size", c.community().poolSize());
            json.writeEndObject();
        }
        json.writeEndArray();

        AccountPlan.Engagement e = plan.engagement();
        json.writeObjectFieldStart("engagement");
        json.writeNumberField("expected_er", e.expectedEr());
        json.writeNumberField("median_er", e.medianEr());
        json.writeNumberField("er_sigma", e.erSigma());
        json.writeNumberField("likes_per_comment", e.likesPerComment());
        json.writeNumberField("shares_per_like", e.sharesPerLike());
        json.writeNumberField("saves_per_like", e.savesPerLike());
        json.writeNumberField("view_rate_factor", e.viewRateFactor());
        json.writeNumberField("sponsored_factor", EngagementModel.SPONSORED_FACTOR);
        json.writeNumberField("inviting_comment_boost", EngagementModel.INVITING_COMMENT_BOOST);
        json.writeEndObject();

        AccountPlan.Posting p = plan.posting();
        json.writeObjectFieldStart("posts");
        json.writeNumberField("count", posts.posts);
        json.writeNumberField("mean_interval_days", p.meanIntervalDays());
        json.writeNumberField("hashtag_mean", p.hashtagMean());
        json.writeNumberField("sponsored_share", p.sponsoredShare());
        json.writeNumberField("sponsored_posts", posts.sponsored);
        json.writeNumberField("disclosure_rate", p.disclosureRate());
        json.writeNumberField("disclosed_sponsored_posts", posts.disclosedSponsored);
        json.writeNumberField("paid_partnership_posts", posts.paidPartnershipLabels);
        json.writeStringField("discount_code", p.discountCode());
        writeStrings("partner_brands", p.partnerBrands());
        json.writeNumberField("invite_share", p.inviteShare());
        json.writeNumberField("inviting_posts", posts.inviting);
        json.writeNumberField("question_posts", posts.questions);
        json.writeNumberField("call_to_comment_posts", posts.callsToComment);
        json.writeNumberField("tips_posts", posts.tips);
        json.writeEndObject();

        AccountPlan.Conversation c = plan.conversation();
        json.writeObjectFieldStart("replies");
        json.writeNumberField("propensity", c.replyPropensity());
        json.writeNumberField("delay_median_hours", c.replyDelayMedianHours());
        json.writeNumberField("delay_sigma", c.replyDelaySigma());
        json.writeNumberField("commented_posts", posts.commentedPosts);
        json.writeNumberField("comment_records", comments.records);
        json.writeNumberField("top_level_by_others", comments.topLevelByOthers);
        json.writeNumberField("replied_within_7d", comments.repliedWithin7d);
        json.writeNumberField("settled_top_level_by_others", comments.settledTopLevel);
        json.writeNumberField("settled_replied_within_7d", comments.settledRepliedWithin7d);
        json.writeNumberField("late_replies", comments.lateReplies);
        json.writeNumberField("question_comments", comments.questionComments);
        json.writeEndObject();

        json.writeObjectFieldStart("commenters");
        json.writeNumberField("core_size", c.coreSize());
        json.writeNumberField("core_share", c.coreShare());
        json.writeEndObject();

        if (plan.pod() == null) {
            json.writeNullField("pod");
        } else {
            json.writeObjectFieldStart("pod");
            json.writeStringField("pod_id", "pod-" + plan.pod().id());
            json.writeNumberField(
                    "participation", AccountPlanner.round4(plan.pod().participation()));
            json.writeNumberField("pod_comments", comments.podComments);
            json.writeArrayFieldStart("member_ids");
            for (CommentWriter.Commenter m : podMembers) {
                json.writeString(m.id());
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        AccountPlan.FollowerPlan f = plan.followerPlan();
        json.writeObjectFieldStart("follower_sample");
        json.writeNumberField("size", sample.size());
        json.writeNumberField("fake_share", f.fakeShare());
        json.writeNumberField("fake_count", sample.fakes());
        json.writeBooleanField("bought_followers", f.bought());
        json.writeArrayFieldStart("bot_farms");
        for (int farm : f.botFarms()) {
            json.writeNumber(farm);
        }
        json.writeEndArray();
        writeStrings("fake_follower_ids", sample.fakeIds());
        json.writeEndObject();

        AccountPlan.Cohesion k = plan.cohesion();
        json.writeObjectFieldStart("cohesion");
        json.writeBooleanField("tight_knit", k.tightKnit());
        json.writeNumberField("p_in", k.pIn());
        json.writeNumberField("p_out", k.pOut());
        json.writeNumberField("reciprocity", k.reciprocity());
        json.writeNumberField("closure", k.closure());
        json.writeNumberField("real_nodes", sample.realNodes());
        json.writeNumberField("blocks", sample.blocksUsed());
        json.writeNumberField("edges", sample.edges());
        json.writeNumberField("closed_pairs", sample.closedPairs());
        json.writeEndObject();

        json.writeObjectFieldStart("history");
        json.writeNumberField("days", history.counts().length);
        json.writeNumberField("growth_per_year", f.growthPerYear());
        json.writeNumberField("noise_sd", f.noiseSd());
        json.writeArrayFieldStart("spikes");
        for (FollowerHistory.Spike s : history.spikes()) {
            json.writeStartObject();
            json.writeStringField("date", s.date().toString());
            json.writeNumberField("added", s.added());
            json.writeNumberField("percent", s.percent());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();

        json.writeEndObject();
    }

    private void writeStrings(String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        json.writeRaw('\n');
        json.close();
    }
}
