package io.microreach.campaigns.evaluation;

/**
 * The figures of {@link CampaignEvaluation}. A rate is null when its denominator is 0.
 *
 * @param attributionAccuracy distinct orders credited to the planted creator with the planted basis and final total,
 *     over the planted orders
 * @param leakRecall leaked codes flagged ÷ leaked codes
 * @param leakFalseAlarmRate honest codes flagged ÷ honest codes (codes without orders included: they are never
 *     flagged)
 * @param codesNotAssessable codes with too few code orders for a verdict, leaked or not
 * @param honestCodesAssessable honest codes with enough code orders for a verdict
 * @param disclosureDetectionRate planted undisclosed posts found undisclosed ÷ planted undisclosed posts
 * @param disclosureFalseAlarmRate planted disclosed posts found undisclosed ÷ planted disclosed posts
 * @param requirementMissesFound planted missing hashtags, mentions and links reported
 * @param requirementFalseMisses reported as missing but planted present
 * @param screeningAccuracy tracking-link requests given their planted kind ÷ requests
 * @param goalsMet attribution ≥ 99%, leak recall ≥ 0.9 at ≤ 5% false alarms, disclosure 100%, UGC recall ≥ 0.95
 */
public record CampaignEvaluationReport(
        int campaigns,
        int creators,
        int orderDeliveries,
        int distinctOrders,
        int plantedOrders,
        int ordersCorrect,
        Double attributionAccuracy,
        int leakedCodes,
        int leaksFound,
        Double leakRecall,
        int honestCodes,
        int leakFalseAlarms,
        Double leakFalseAlarmRate,
        int codesNotAssessable,
        int honestCodesAssessable,
        int undisclosedPosts,
        int undisclosedFound,
        Double disclosureDetectionRate,
        int disclosedPosts,
        int disclosureFalseAlarms,
        Double disclosureFalseAlarmRate,
        int requirementMissesPlanted,
        int requirementMissesFound,
        int requirementFalseMisses,
        int ugcPlanted,
        int ugcReported,
        int ugcFound,
        Double ugcRecall,
        Double ugcPrecision,
        int clickRequests,
        int screenedCorrectly,
        Double screeningAccuracy,
        boolean goalsMet) {

    public static final double ATTRIBUTION_GOAL = 0.99;
    public static final double LEAK_RECALL_GOAL = 0.9;
    public static final double LEAK_FALSE_ALARM_GOAL = 0.05;
    public static final double DISCLOSURE_GOAL = 1.0;
    public static final double UGC_RECALL_GOAL = 0.95;
}
