package io.microreach.app.niches;

import io.microreach.niches.Niche;
import io.microreach.niches.NicheScores;
import io.microreach.niches.NicheTaxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What the web UI and the REST API use: the taxonomy, an account's niches, and users' corrections. */
@Service
public class NicheService {
    private final NicheTaxonomy taxonomy;
    private final NicheStore store;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    NicheService(NicheTaxonomy taxonomy, NicheStore store, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.taxonomy = taxonomy;
        this.store = store;
        this.tx = tx;
        this.events = events;
    }

    public List<Niche> taxonomy() {
        return taxonomy.niches();
    }

    public Optional<Long> accountId(String platform, String handle) {
        return store.accountId(platform, handle);
    }

    /**
     * The stored niches of an account, best first. {@code assigned} marks the niches the account counts as in:
     * corrections, model niches at or above {@link NicheScores#THRESHOLD}, and the best model niche when none reaches it
     * (unless it is below {@link NicheScores#UNCLEAR_BELOW}: an unclear account has no assigned model niche).
     */
    public List<AccountNiche> nichesOf(long accountId) {
        List<NicheStore.NicheRow> rows = store.niches(accountId);
        boolean anyAbove =
                rows.stream().anyMatch(r -> r.source().equals("model") && r.confidence() >= NicheScores.THRESHOLD);
        boolean bestTaken = false;
        List<AccountNiche> out = new ArrayList<>();
        for (NicheStore.NicheRow r : rows) {
            boolean assigned;
            if (r.source().equals("correction")) {
                assigned = true;
            } else if (r.confidence() >= NicheScores.THRESHOLD) {
                assigned = true;
            } else {
                assigned = !anyAbove && !bestTaken && r.confidence() >= NicheScores.UNCLEAR_BELOW;
                bestTaken = true;
            }
            String name = taxonomy.find(r.nicheId()).map(Niche::name).orElse(r.nicheId());
            out.add(new AccountNiche(r.nicheId(), name, r.confidence(), r.source(), assigned));
        }
        return out;
    }

    /** The account's corrections (niche → assigned), in niche id order. */
    public Map<String, Boolean> correctionsOf(long accountId) {
        return new java.util.TreeMap<>(store.corrections(List.of(accountId)).getOrDefault(accountId, Map.of()));
    }

    /**
     * Records a user's corrections: {@code assigned} niches get confidence 1 and stay whatever the classifier says
     * later; {@code notAssigned} niches are removed and never assigned again. A later correction of the same niche
     * replaces the earlier one. Once the correction is committed, {@link NicheCorrected} refreshes the account's
     * derived data (outside the transaction, so a failed refresh never undoes the user's correction).
     *
     * @throws UnknownNicheException naming the first unknown id, or a niche listed in both sets
     */
    public void correct(long accountId, Set<String> assigned, Set<String> notAssigned) {
        for (String id : new TreeSet<>(union(assigned, notAssigned))) {
            if (!taxonomy.contains(id)) {
                throw new UnknownNicheException(
                        "unknown niche '" + id + "'; known: " + String.join(", ", taxonomy.ids()));
            }
        }
        for (String id : assigned) {
            if (notAssigned.contains(id)) {
                throw new UnknownNicheException("niche '" + id + "' is listed as both assigned and not assigned");
            }
        }
        Map<String, Boolean> corrections = new LinkedHashMap<>();
        assigned.forEach(id -> corrections.put(id, true));
        notAssigned.forEach(id -> corrections.put(id, false));
        tx.executeWithoutResult(status -> store.saveCorrections(accountId, corrections));
        events.publishEvent(new NicheCorrected(accountId));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
