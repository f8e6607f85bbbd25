package io.microreach.planner;

import io.microreach.forecast.DeliverableForecast;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs an allocator and explains its answer: each chosen creator's marginal contribution and reason, why the best
 * other candidates were not chosen, and the alternatives that show what diversification buys — the best single
 * creator of any size within the budget, and the naive plan that takes the creators with the most followers while
 * they fit.
 *
 * <p>The explanation ({@link PlanExplanation}) is built for a marketer who has to defend the plan: money left over is
 * always accounted for (the plan reached its creator limit, nothing else fits, a quota is full, or the rest would add
 * nothing), with the next best additions priced against the plan as it stands; a plan equal to a naive one says why
 * (everyone eligible fits the budget, or the largest accounts were also the best value) instead of looking pointless;
 * a plan with no creator is a warning with the cheapest price or the evidence shortfall, never a success.
 */
public final class CampaignPlanner {
    private static final int REJECTED_SHOWN = 25;
    private static final int NEXT_BEST_SHOWN = 3;
    private static final double OVERLAP_REASON = 0.2;
    /** Money left below this share of the budget needs no explanation (rounding of prices). */
    private static final double UNSPENT_WORTH_EXPLAINING = 0.01;

    private final BudgetAllocator allocator;

    public CampaignPlanner(BudgetAllocator allocator) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    public Plan plan(PlanProblem problem) {
        // One coverage model for the allocation and the explanation (building it is most of a large plan's time).
        CoverageModel m = new CoverageModel(problem);
        Allocation a;
        if (allocator instanceof LazyGreedyAllocator g) {
            a = g.allocate(m);
        } else if (allocator instanceof ExactAllocator e) {
            a = e.allocate(m);
        } else {
            a = allocator.allocate(problem);
        }
        List<Integer> chosen = a.chosenIds().stream().map(m.indexOf::get).toList();
        PlanSummary main = summary(m, "plan", chosen, true);
        List<PlanSummary> alternatives = new ArrayList<>();
        bestSingle(m).ifPresent(i -> alternatives.add(summary(m, "best single creator", List.of(i), false)));
        alternatives.add(summary(m, "top followers", topFollowers(m), false));
        return new Plan(
                main,
                problem.objective(),
                problem.budget(),
                problem.currency(),
                main.objectiveValue(),
                a.guarantee(),
                a.evaluations(),
                rejected(m, chosen),
                alternatives,
                explain(m, a, chosen, main, alternatives));
    }

    private PlanExplanation explain(
            CoverageModel m, Allocation a, List<Integer> chosen, PlanSummary main, List<PlanSummary> alternatives) {
        CoverageModel.State s = m.new State();
        chosen.forEach(s::add);
        int eligible = m.eligibleCountInt();
        int lacking = 0;
        for (boolean b : m.lacksEvidence) {
            lacking += b ? 1 : 0;
        }
        EvidenceMinimum evidence = m.problem.constraints().evidence();
        List<String> warnings = new ArrayList<>();
        String unspentReason = null;
        double left = m.budget - s.spent;
        if (chosen.isEmpty()) {
            warnings.add(emptyPlanWarning(m, eligible, lacking, evidence));
        } else if (left > UNSPENT_WORTH_EXPLAINING * m.budget) {
            unspentReason = money(left, m) + " of " + money(m.budget, m) + " left: " + unspentReason(m, s, left)
                    + evidenceNote(m, lacking, evidence) + ".";
        }
        List<String> unknown = new ArrayList<>();
        for (int c : chosen) {
            if (!m.byIndex.get(c).audienceKnown()) {
                unknown.add(m.byIndex.get(c).handle());
            }
        }
        return new PlanExplanation(
                guaranteeSummary(m, a),
                weighed(m, evidence),
                evidence,
                m.n,
                eligible,
                lacking,
                Math.max(0, left),
                unspentReason,
                nextBest(m, s, chosen),
                chosen.isEmpty() ? List.of() : comparisons(m, main, alternatives, eligible),
                warnings,
                unknown);
    }

    /** Why a plan with no creator is empty: nothing qualifies, nothing fits the budget, or nothing adds value. */
    private static String emptyPlanWarning(CoverageModel m, int eligible, int lacking, EvidenceMinimum evidence) {
        if (lacking > 0 && lacking == m.n) {
            return "No creator qualifies: all " + m.n + " candidates fall short of the evidence minimum ("
                    + evidence.describe() + "). Lower the minimum to plan with them, knowing their forecasts rest on"
                    + " little data.";
        }
        double cheapest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < m.n; c++) {
            boolean qualifies = !m.lacksEvidence[c]
                    && !m.problem
                            .constraints()
                            .excluded()
                            .contains(m.byIndex.get(c).id());
            if (qualifies) {
                cheapest = Math.min(cheapest, m.cost[c]);
            }
        }
        if (cheapest > m.budget + CoverageModel.EPS && Double.isFinite(cheapest)) {
            return "No creator fits a budget of " + money(m.budget, m) + ": the cheapest qualifying candidate costs "
                    + money(cheapest, m) + ". Raise the budget or add cheaper creators.";
        }
        if (eligible == 0) {
            return "No creator qualifies: every candidate is excluded by the plan's options (" + firstReason(m) + ").";
        }
        if (m.problem.objective() == Objective.PROFIT) {
            return "No creator is expected to earn more than its fee at these brand rates, so the best plan is to"
                    + " spend nothing.";
        }
        return "No creator could be chosen within these constraints.";
    }

    private static String firstReason(CoverageModel m) {
        for (int c = 0; c < m.n; c++) {
            if (!m.eligible[c]) {
                return "@" + m.byIndex.get(c).handle() + ": " + m.ineligibleReason[c];
            }
        }
        return "none";
    }

    private static String unspentReason(CoverageModel m, CoverageModel.State s, double left) {
        if (s.size() >= m.maxCreators) {
            return "the plan has its maximum of " + m.maxCreators + " creator" + (m.maxCreators == 1 ? "" : "s")
                    + "; raise the maximum to spend the rest";
        }
        // The others: candidates not in the plan that qualify on evidence and were not excluded by the user.
        double cheapest = Double.POSITIVE_INFINITY;
        int others = 0;
        boolean quotaBlocked = false;
        boolean fitsWithoutGain = false;
        String ruledOut = null;
        for (int c = 0; c < m.n; c++) {
            if (s.chosen[c]
                    || m.lacksEvidence[c]
                    || m.problem
                            .constraints()
                            .excluded()
                            .contains(m.byIndex.get(c).id())) {
                continue;
            }
            others++;
            cheapest = Math.min(cheapest, m.cost[c]);
            if (m.cost[c] <= left + CoverageModel.EPS) {
                if (!m.eligible[c]) {
                    ruledOut = ruledOut != null
                            ? ruledOut
                            : "@" + m.byIndex.get(c).handle() + ": " + m.ineligibleReason[c];
                } else if (!s.canAdd(c)) {
                    quotaBlocked = true;
                } else if (s.gain(c) <= 0) {
                    fitsWithoutGain = true;
                }
            }
        }
        if (others == 0) {
            return "every qualifying creator (" + s.size() + ") is already in the plan";
        }
        if (quotaBlocked) {
            return "the creators that fit in it are held back by a platform or niche quota maximum";
        }
        if (ruledOut != null) {
            return "the other creators that fit in it are ruled out by the plan's options (" + ruledOut + ")";
        }
        if (fitsWithoutGain) {
            return m.problem.objective() == Objective.PROFIT
                    ? "the creators that fit in it would cost more than the profit they are expected to add"
                    : "the creators that fit in it would add no new " + noun(m);
        }
        return "no other creator fits in it ("
                + (others == 1 ? "the only other one costs " : "the cheapest of the " + others + " others costs ")
                + money(cheapest, m) + ")";
    }

    private static String evidenceNote(CoverageModel m, int lacking, EvidenceMinimum evidence) {
        if (lacking == 0) {
            return "";
        }
        return "; " + lacking + " more candidate" + (lacking == 1 ? " falls" : "s fall")
                + " short of the evidence minimum (" + evidence.describe() + ")";
    }

    /** The best candidates not in the plan, by what they would add to it per cost, with the reason they are not. */
    private List<PlanExplanation.Addition> nextBest(CoverageModel m, CoverageModel.State s, List<Integer> chosen) {
        List<Integer> others = new ArrayList<>();
        double[] gain = new double[m.n];
        for (int c = 0; c < m.n; c++) {
            if (!s.chosen[c]
                    && !m.problem
                            .constraints()
                            .excluded()
                            .contains(m.byIndex.get(c).id())
                    && m.cost[c] <= m.budget + CoverageModel.EPS) {
                gain[c] = s.gain(c);
                if (gain[c] > 0) {
                    others.add(c);
                }
            }
        }
        others.sort(Comparator.comparingDouble((Integer c) -> -gain[c] / Math.max(m.cost[c], 1e-9))
                .thenComparingInt(c -> c));
        CoverageModel.State empty = m.new State();
        List<PlanExplanation.Addition> out = new ArrayList<>();
        for (int c : others.subList(0, Math.min(NEXT_BEST_SHOWN, others.size()))) {
            PlanCandidate pc = m.byIndex.get(c);
            out.add(new PlanExplanation.Addition(
                    pc.id(), pc.handle(), m.cost[c], round(gain[c]), reason(m, s, c, chosen, empty.gain(c))));
        }
        return out;
    }

    private static List<String> comparisons(
            CoverageModel m, PlanSummary main, List<PlanSummary> alternatives, int eligible) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> plan = ids(main);
        for (PlanSummary alt : alternatives) {
            String name = "the \"" + alt.name() + "\" plan";
            if (ids(alt).equals(plan)) {
                if (alt.name().equals("top followers")) {
                    out.add(
                            plan.size() >= eligible
                                    ? "Same creators as " + name
                                            + ": the budget covers every eligible creator, so there"
                                            + " was nothing to choose between."
                                    : "Same creators as " + name + ": at this budget the largest accounts were also the"
                                            + " best value (the most new " + noun(m) + " per " + m.problem.currency()
                                            + ", net of audience overlap).");
                } else {
                    out.add("Same as " + name + ": one creator gives the most " + noun(m)
                            + " that this budget can buy; no second creator fits or adds enough.");
                }
                continue;
            }
            double diff = main.objectiveValue() - alt.objectiveValue();
            String pct = alt.objectiveValue() > 0 ? " (+" + Math.round(100 * diff / alt.objectiveValue()) + "%)" : "";
            out.add(
                    diff > 0
                            ? amount(diff, m) + " more " + noun(m) + pct + " than " + name + " ("
                                    + amount(alt.objectiveValue(), m) + " for " + money(alt.totalCost(), m)
                                    + ", against " + money(main.totalCost(), m) + ")."
                            : "As good as " + name + " (" + amount(alt.objectiveValue(), m) + " for "
                                    + money(alt.totalCost(), m) + ") with other creators.");
        }
        return out;
    }

    private static java.util.Set<String> ids(PlanSummary s) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        s.creators().forEach(c -> out.add(c.id()));
        return out;
    }

    private static String guaranteeSummary(CoverageModel m, Allocation a) {
        Double share = a.guaranteedShare();
        if (share == null) {
            return m.problem.objective() == Objective.PROFIT
                    ? "No bound is proven for profit (fees are subtracted); this is the best plan the search found."
                    : "No bound is proven with creator limits or quotas; this is the best plan the search found.";
        }
        if (share >= 1) {
            return "This plan is the best possible for this budget (exhaustive search).";
        }
        String best = m.problem.objective() == Objective.ENGAGED_REACH
                ? "reaches at least " + Math.round(share * 100) + "% of the best possible unique engaged reach"
                : "gets at least " + Math.round(share * 100) + "% of the best possible " + noun(m);
        return "This plan " + best + " for this budget; in practice usually far closer.";
    }

    private static String weighed(CoverageModel m, EvidenceMinimum evidence) {
        String among = evidence.describe().equals("none")
                ? "among all candidates (no evidence minimum)"
                : "among creators with " + evidence.describe();
        return "Each step added the creator with the most new " + noun(m) + " per " + m.problem.currency()
                + " (its forecast, minus the people already reached by the creators before it), " + among + ".";
    }

    /** What the objective counts, in words. */
    static String noun(CoverageModel m) {
        return switch (m.problem.objective()) {
            case ENGAGED_REACH -> "engaged people";
            case CONVERSIONS -> "expected conversions";
            case PROFIT -> "expected profit";
        };
    }

    private static String amount(double v, CoverageModel m) {
        return m.problem.objective() == Objective.PROFIT ? money(v, m) : count(v);
    }

    /** A count of people or conversions: whole numbers from 10 on, one decimal below (0.4 conversions is not 0). */
    static String count(double v) {
        return Math.abs(v) >= 10
                ? String.format(java.util.Locale.ROOT, "%,.0f", v)
                : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    static String money(double v, CoverageModel m) {
        return String.format(java.util.Locale.ROOT, "%,.0f", v) + " " + m.problem.currency();
    }

    private PlanSummary summary(CoverageModel m, String name, List<Integer> chosen, boolean explain) {
        CoverageModel.State s = m.new State();
        List<PlannedCreator> out = new ArrayList<>();
        DeliverableForecast total = DeliverableForecast.empty();
        int step = 0;
        for (int c : chosen) {
            double gain = s.gain(c);
            String reason;
            if (!explain) {
                reason = name;
            } else if (contains(m.mustInclude, c)) {
                reason = "must include";
            } else {
                step++;
                reason = "step " + step + ": the most new " + noun(m) + " per " + m.problem.currency()
                        + " among the creators that fit (+" + count(gain) + " for " + money(m.cost[c], m) + ")";
            }
            s.add(c);
            PlanCandidate pc = m.byIndex.get(c);
            out.add(new PlannedCreator(
                    pc.id(),
                    pc.handle(),
                    pc.platform(),
                    pc.cost(),
                    pc.price(),
                    pc.forecast(),
                    gain,
                    reason,
                    pc.trustScore(),
                    pc.recentPosts(),
                    pc.audienceKnown()));
            if (pc.forecast() != null) {
                total = total.plus(pc.forecast());
            }
        }
        return new PlanSummary(name, out, s.spent, s.value, total);
    }

    private static java.util.Optional<Integer> bestSingle(CoverageModel m) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        CoverageModel.State empty = m.new State();
        for (int c = 0; c < m.n; c++) {
            boolean allowed = !m.problem
                            .constraints()
                            .excluded()
                            .contains(m.byIndex.get(c).id())
                    && m.cost[c] <= m.budget + 1e-9
                    && (m.problem.constraints().minTrustScore() == null
                            || (m.byIndex.get(c).trustScore() != null
                                    && m.byIndex.get(c).trustScore()
                                            >= m.problem.constraints().minTrustScore()));
            if (!allowed) {
                continue;
            }
            double v = empty.gain(c);
            if (v > bestValue) {
                bestValue = v;
                best = c;
            }
        }
        return best < 0 ? java.util.Optional.empty() : java.util.Optional.of(best);
    }

    private static List<Integer> topFollowers(CoverageModel m) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < m.n; c++) {
            if (m.eligible[c]) {
                order.add(c);
            }
        }
        order.sort(Comparator.comparingLong((Integer c) -> -m.byIndex.get(c).followers())
                .thenComparingInt(c -> c));
        List<Integer> out = new ArrayList<>();
        double spent = 0;
        for (int c : order) {
            if (out.size() >= m.maxCreators) {
                break;
            }
            if (spent + m.cost[c] <= m.budget + 1e-9) {
                out.add(c);
                spent += m.cost[c];
            }
        }
        return out;
    }

    private List<RejectedCreator> rejected(CoverageModel m, List<Integer> chosen) {
        CoverageModel.State s = m.new State();
        chosen.forEach(s::add);
        CoverageModel.State empty = m.new State();
        List<Integer> others = new ArrayList<>();
        for (int c = 0; c < m.n; c++) {
            if (!s.chosen[c]) {
                others.add(c);
            }
        }
        double[] alone = new double[m.n];
        for (int c : others) {
            alone[c] = empty.gain(c);
        }
        others.sort(Comparator.comparingDouble((Integer c) -> -alone[c] / Math.max(m.cost[c], 1e-9))
                .thenComparingInt(c -> c));
        List<RejectedCreator> out = new ArrayList<>();
        for (int c : others.subList(0, Math.min(REJECTED_SHOWN, others.size()))) {
            PlanCandidate pc = m.byIndex.get(c);
            out.add(new RejectedCreator(pc.id(), pc.handle(), reason(m, s, c, chosen, alone[c])));
        }
        return out;
    }

    private static String reason(CoverageModel m, CoverageModel.State s, int c, List<Integer> chosen, double alone) {
        if (!m.eligible[c]) {
            return m.ineligibleReason[c];
        }
        if (s.spent + m.cost[c] > m.budget + 1e-9) {
            return "over budget (costs " + money(m.cost[c], m) + ", " + money(m.budget - s.spent, m) + " left)";
        }
        if (s.size() >= m.maxCreators) {
            return "max creators reached (" + m.maxCreators + ")";
        }
        if (!s.canAdd(c)) {
            return "a quota maximum for its platform or niche is reached";
        }
        int worst = -1;
        double share = 0;
        for (int d : chosen) {
            double sh = m.sharedShare(c, d);
            if (sh > share) {
                share = sh;
                worst = d;
            }
        }
        double gain = s.gain(c);
        if (worst >= 0 && share >= OVERLAP_REASON) {
            return "overlap " + Math.round(share * 100) + "% with @"
                    + m.byIndex.get(worst).handle() + " (adds " + count(gain) + " instead of " + count(alone) + ")";
        }
        if (gain <= 0) {
            return "adds no " + noun(m);
        }
        return "fewer new " + noun(m) + " per " + m.problem.currency() + " than the chosen creators (+" + count(gain)
                + " for " + money(m.cost[c], m) + ")";
    }

    private static boolean contains(int[] a, int v) {
        return CoverageModel.contains(a, v);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
