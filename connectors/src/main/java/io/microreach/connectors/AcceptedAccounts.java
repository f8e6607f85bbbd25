package io.microreach.connectors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The accounts a discovery accepted, kept as its own task ({@code accepted:KEY}) so that a resumed discovery emits no
 * account twice, with those accepted in this run in order and the account budget. Every connector's discovery keeps
 * it the same way; they save it before the checkpoint of the list they are walking, so a stop between the two saves
 * re-checks candidates but emits nothing twice.
 */
public final class AcceptedAccounts {
    private final SourceTasks tasks;
    private final String task;
    private final int maxAccounts;
    private final Set<String> accepted;
    private final List<String> thisRun = new ArrayList<>();

    public AcceptedAccounts(SourceTasks tasks, String key, int maxAccounts) {
        this.tasks = tasks;
        this.task = "accepted:" + key;
        this.maxAccounts = maxAccounts;
        this.accepted = new LinkedHashSet<>(tasks.load(task).emitted());
    }

    /** Whether the account budget is spent (a resumed discovery may be full from the start). */
    public boolean full() {
        return accepted.size() >= maxAccounts;
    }

    public boolean contains(String member) {
        return accepted.contains(member);
    }

    /** Accepts an account known in the set by its platform id. */
    public void add(String platformId) {
        add(platformId, platformId);
    }

    /** Accepts an account the set knows by {@code member} (a user name, say) and the run reports by its platform id. */
    public void add(String member, String platformId) {
        accepted.add(member);
        thisRun.add(platformId);
    }

    public void save() {
        tasks.save(task, new CrawlCheckpoint(null, false, 0, List.copyOf(accepted)));
    }

    /** Platform ids accepted in this run, in order. */
    public List<String> thisRun() {
        return thisRun;
    }
}
