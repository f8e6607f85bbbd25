package io.microreach.app.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a new campaign is made of, before validation (every field may be missing or wrong; {@link CampaignService}
 * names the one at fault).
 *
 * @param objective the planner's objective id ({@code engaged-reach}, {@code conversions}, {@code profit})
 * @param hashtag the campaign hashtag, with or without #
 * @param brandHandles the brand's own accounts, with or without @
 * @param attributionWindowDays days a click may come before an order and still earn it (default 7)
 * @param plan the plan the campaign came from, as JSON, or null
 */
public record CampaignDraft(
        String name,
        String objective,
        BigDecimal budget,
        String currency,
        LocalDate startsOn,
        LocalDate endsOn,
        String landingUrl,
        String hashtag,
        List<String> brandHandles,
        Integer attributionWindowDays,
        List<CreatorDraft> creators,
        String plan) {

    public CampaignDraft {
        brandHandles = brandHandles == null ? List.of() : List.copyOf(brandHandles);
        creators = creators == null ? List.of() : List.copyOf(creators);
    }

    /** A creator to take into the campaign. */
    public record CreatorDraft(
            long accountId,
            BigDecimal fee,
            String forecast,
            List<DeliverableDraft> deliverables,
            String promoCode,
            String contactEmail) {
        public CreatorDraft {
            deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
        }
    }

    /**
     * A deliverable agreed with a creator.
     *
     * @param format the platform's format id ({@code post}, {@code reel}, {@code story}, {@code video}, {@code short})
     * @param dueOn null when no date was agreed
     */
    public record DeliverableDraft(
            String format,
            LocalDate dueOn,
            BigDecimal fee,
            List<String> requiredHashtags,
            List<String> requiredMentions,
            boolean requireLink) {
        public DeliverableDraft {
            requiredHashtags = requiredHashtags == null ? List.of() : List.copyOf(requiredHashtags);
            requiredMentions = requiredMentions == null ? List.of() : List.copyOf(requiredMentions);
        }
    }
}
