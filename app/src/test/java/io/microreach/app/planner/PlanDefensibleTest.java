package io.microreach.app.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.ScoredData;
import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistService;
import io.microreach.planner.EvidenceMinimum;
import io.microreach.planner.PlanningException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Plans a marketer can defend, on generated data plus the accounts that broke plans: one with 9,000 followers and
 * nothing else (no posts, no trust score, no audience data), and two instagram accounts called @katewalsh (a handle
 * reused under a new platform id).
 */
class PlanDefensibleTest extends SpringAppTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    PlanService plans;

    @Autowired
    ShortlistService shortlists;

    @TempDir
    Path dir;

    private long oldKate;
    private long newKate;
    private long blank;

    @BeforeEach
    void data() throws Exception {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 40, 8);
        importer.importFile(writeAwkwardAccounts(dir), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
        oldKate = jdbc.queryForObject("SELECT id FROM account WHERE platform_id = 'kw-old'", Long.class);
        newKate = jdbc.queryForObject("SELECT id FROM account WHERE platform_id = 'kw-new'", Long.class);
        blank = jdbc.queryForObject("SELECT id FROM account WHERE platform_id = 'blank-9000'", Long.class);
    }

    /** The two @katewalsh accounts (12 recent posts each, the newer one seen later) and the empty 9,000 account. */
    static Path writeAwkwardAccounts(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"blank-9000\",\"handle\":\"blankslate\","
                + "\"followers\":9000}");
        lines.add("{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"kw-old\",\"handle\":\"katewalsh\","
                + "\"followers\":12000,\"observed_at\":\"2026-01-01T00:00:00Z\"}");
        lines.add("{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"kw-new\",\"handle\":\"katewalsh\","
                + "\"followers\":15000,\"observed_at\":\"2026-10-01T00:00:00Z\"}");
        Instant newest = Instant.parse("2026-10-20T12:00:00Z");
        for (String account : List.of("kw-old", "kw-new")) {
            for (int i = 0; i < 12; i++) {
                lines.add("{\"type\":\"post\",\"platform\":\"instagram\",\"id\":\"" + account + "-p" + i
                        + "\",\"account_id\":\"" + account + "\",\"published_at\":\""
                        + newest.minus(5L * i, ChronoUnit.DAYS) + "\",\"format\":\"photo\",\"likes\":" + (400 + 13 * i)
                        + ",\"comments\":" + (20 + i) + ",\"followers_at_post\":12000}");
            }
        }
        return Files.write(dir.resolve("awkward.jsonl"), lines);
    }

    @Test
    void aReusedHandleNoLongerBreaksPlansAndIsBookedOnce() {
        PlanResponse p = plans.plan(BriefReader.read("budget: 100000\nconstraints:\n  minEvidence: none\n"));
        assertThat(p.creators()).extracting(PlanResponse.Creator::id).doesNotHaveDuplicates();
        assertThat(p.creators())
                .filteredOn(c -> c.handle().equalsIgnoreCase("katewalsh"))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(p.notes())
                .anySatisfy(n -> assertThat(n)
                        .contains("instagram:katewalsh#" + oldKate + " (kept instagram:katewalsh#" + newKate + ")"));
        // A handle names the account seen most recently; "#id" names the older one, which a plan then books instead.
        assertThat(plans.findAccount("instagram:katewalsh", "x")).contains(newKate);
        assertThat(plans.findAccount("instagram:@KateWalsh#" + oldKate, "x")).contains(oldKate);
        PlanResponse old = plans.plan(BriefReader.read("budget: 100000\nconstraints:\n  minEvidence: none\n"
                + "  mustInclude: [\"instagram:katewalsh#" + oldKate + "\"]\n"));
        assertThat(old.creators())
                .filteredOn(c -> c.handle().equalsIgnoreCase("katewalsh"))
                .singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo("instagram:katewalsh#" + oldKate));
        // A shortlist holding both plans too.
        Shortlist list = shortlists.create("Both Kates");
        shortlists.add(list.id(), oldKate);
        shortlists.add(list.id(), newKate);
        PlanResponse among = plans.planAmong(
                BriefReader.read("budget: 5000\nconstraints:\n  minEvidence: none\n"), List.of(oldKate, newKate));
        assertThat(among.creators()).hasSize(1);
        assertThatThrownBy(() -> plans.findAccount("instagram:katewalsh#x", "constraints.mustInclude"))
                .isInstanceOf(PlanningException.class)
                .hasMessageStartingWith("constraints.mustInclude:");
    }

    @Test
    void anAccountWithoutEvidenceIsLeftOutByDefaultAndCounted() {
        PlanResponse p = plans.plan(BriefReader.read("budget: 100000\nobjective: engaged-reach\n"));
        assertThat(p.creators()).extracting(PlanResponse.Creator::handle).doesNotContain("blankslate");
        assertThat(p.explanation().evidence()).isEqualTo(EvidenceMinimum.DEFAULT);
        assertThat(p.explanation().excludedForEvidence()).isPositive();
        assertThat(p.rejected())
                .filteredOn(r -> r.handle().equals("blankslate"))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("too little evidence"));
        assertThat(p.creators()).allSatisfy(c -> {
            assertThat(c.trustScore()).isNotNull();
            assertThat(c.recentPosts()).isGreaterThanOrEqualTo(5);
        });
        // Lowering the minimum is the user's call; then the account may be chosen and its unknown overlap is said.
        PlanResponse open = plans.plan(BriefReader.read("budget: 100000\nconstraints:\n  minEvidence: none\n"));
        assertThat(open.explanation().excludedForEvidence()).isZero();
        assertThat(open.creators()).extracting(PlanResponse.Creator::handle).contains("blankslate");
        assertThat(open.explanation().unknownOverlap()).contains("blankslate");
        assertThat(open.creators())
                .filteredOn(c -> c.handle().equals("blankslate"))
                .singleElement()
                .satisfies(c -> assertThat(c.audienceKnown()).isFalse());
    }

    @Test
    void anImpossibleBudgetIsAWarningWithTheCheapestPrice() throws Exception {
        HttpResponse<String> r = post("/api/plans", "{\"budget\": 1}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode plan = mapper.readTree(r.body());
        assertThat(plan.get("creators")).isEmpty();
        assertThat(plan.at("/explanation/warnings/0").asText())
                .startsWith("No creator fits a budget of 1 USD: the cheapest qualifying candidate costs");
    }

    @Test
    void unspentBudgetIsExplainedWithTheNextBestAdditions() throws Exception {
        HttpResponse<String> r = post("/api/plans", "{\"budget\": 3000, \"constraints\": {\"maxCreators\": 2}}");
        JsonNode plan = mapper.readTree(r.body());
        assertThat(plan.get("creators")).hasSize(2);
        assertThat(plan.at("/explanation/unspentReason").asText())
                .contains("left: the plan has its maximum of 2 creators");
        assertThat(plan.at("/explanation/nextBest")).isNotEmpty();
        assertThat(plan.at("/explanation/nextBest/0/gain").asDouble()).isPositive();
        assertThat(plan.at("/explanation/comparisons"))
                .hasSize(plan.get("alternatives").size());
        assertThat(plan.at("/explanation/guaranteeSummary").asText()).startsWith("No bound is proven");
    }

    @Test
    void aShortlistWithAnAccountWithoutAudienceDataShowsUnknownOverlap() throws Exception {
        List<Long> others = jdbc.queryForList(
                "SELECT a.id FROM account a JOIN audience_sketch s ON s.account_id = a.id WHERE a.platform ="
                        + " 'instagram' AND s.sample_size > 0 ORDER BY a.id LIMIT 2",
                Long.class);
        Shortlist list = shortlists.create("With a blank");
        shortlists.add(list.id(), blank);
        others.forEach(id -> shortlists.add(list.id(), id));
        HttpResponse<String> page = get("/shortlists/" + list.id() + "/overlap");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("No audience data (no follower sample or commenters), so overlap unknown: @blankslate")
                .contains("not enough data")
                .doesNotContain("NaN");
        OverlapResponse api = plans.overlap("instagram", List.of("blankslate", handle(others.get(0))));
        assertThat(api.noAudienceData()).containsExactly("blankslate");
        assertThat(api.pairs()).allSatisfy(pair -> {
            assertThat(pair.enoughData()).isFalse();
            assertThat(pair.shareOfAInB()).isNull();
        });
        HttpResponse<String> planned =
                postForm("/shortlists/" + list.id() + "/plan", "budget=5000&minPosts=0&requireTrustScore=false");
        assertThat(planned.statusCode()).isEqualTo(200);
        assertThat(planned.body())
                .contains("@blankslate has no follower sample or commenters: its audience overlap with the others is"
                        + " unknown")
                .doesNotContain("NaN");
    }

    @Test
    void briefAndFormRefuseABadEvidenceMinimumNamingTheField() throws Exception {
        assertThatThrownBy(() -> BriefReader.read("budget: 10\nconstraints:\n  minEvidence: {posts: -1}\n"))
                .hasMessageStartingWith("constraints.minEvidence.posts:");
        assertThatThrownBy(() -> BriefReader.read("budget: 10\nconstraints:\n  minEvidence: {trustScore: maybe}\n"))
                .hasMessageStartingWith("constraints.minEvidence.trustScore:");
        assertThatThrownBy(() -> BriefReader.read("budget: 10\nconstraints:\n  minEvidence: {likes: 3}\n"))
                .hasMessageStartingWith("constraints.minEvidence.likes:");
        assertThat(BriefReader.read("budget: 10\nconstraints:\n  minEvidence: {posts: 2, trustScore: false}\n")
                        .constraints()
                        .evidence())
                .isEqualTo(new EvidenceMinimum(false, 2, 90));
        Shortlist list = shortlists.create("Form");
        shortlists.add(list.id(), newKate);
        HttpResponse<String> bad = postForm("/shortlists/" + list.id() + "/plan", "budget=500&minPosts=2.5");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("minPosts: must be a whole number of posts");
    }

    private String handle(long id) {
        return jdbc.queryForObject("SELECT handle FROM account WHERE id = ?", String.class, id);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String body) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
