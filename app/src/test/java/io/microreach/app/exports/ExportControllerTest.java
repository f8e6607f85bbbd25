package io.microreach.app.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.ScoredData;
import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.search.IndexProgress;
import io.microreach.app.search.SearchIndex;
import io.microreach.app.shortlists.ShortlistService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class ExportControllerTest extends SpringAppTest {
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"Lena\")";

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    SearchIndex index;

    @Autowired
    ShortlistService shortlists;

    @TempDir
    Path dir;

    private WebClient web;

    @BeforeEach
    void data() {
        web = new WebClient(port);
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 40, 11);
        jdbc.update("UPDATE account SET display_name = ? WHERE id = (SELECT min(id) FROM account)", FORMULA);
        index.rebuild(IndexProgress.NONE);
    }

    private List<List<String>> csv(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"microreach-")
                .endsWith(".csv\"");
        assertThat(r.body()).startsWith("\uFEFF");
        return CsvRecords.parse(r.body().substring(1));
    }

    private static List<String> column(List<List<String>> records, String header) {
        int i = records.get(0).indexOf(header);
        assertThat(i).as("column " + header + " in " + records.get(0)).isNotNegative();
        return records.subList(1, records.size()).stream().map(r -> r.get(i)).toList();
    }

    @Test
    void searchExportHasEveryResultInTheSameOrderAsTheApi() {
        String params = "sort=followers";
        HttpResponse<String> api = web.get("/api/search?limit=500&" + params);
        List<String> apiHandles = handles(api.body());
        assertThat(apiHandles).hasSizeGreaterThan(20);

        List<List<String>> records = csv(web.get("/api/search.csv?" + params));
        assertThat(records.get(0)).startsWith("Rank", "Handle", "Name", "Platform");
        // Handles go without "@": a cell starting with "@" is one a spreadsheet would evaluate, so it would be quoted.
        assertThat(column(records, "Handle")).containsExactlyElementsOf(apiHandles);
        assertThat(column(records, "Rank").get(0)).isEqualTo("1");
        assertThat(column(records, "Creator page")).allMatch(u -> u.matches("http://localhost:\\d+/creators/\\d+"));
        // Followers are plain numbers, descending.
        List<Long> followers =
                column(records, "Followers").stream().map(Long::parseLong).toList();
        assertThat(followers).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void searchExportNeutralisesFormulasAndTakesDiscoverParameters() {
        // Discover sends an empty sort for relevance and a page number: both are accepted, the page is ignored.
        List<List<String>> records = csv(web.get("/api/search.csv?query=&sort=&page=3"));
        assertThat(column(records, "Name")).contains("'" + FORMULA).doesNotContain(FORMULA);
        assertThat(String.join(",", column(records, "Name"))).doesNotContain("null");
    }

    @Test
    void badSearchParametersGetProblemJsonNamingThem() {
        HttpResponse<String> r = web.get("/api/search.csv?followers_min=lots");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"parameter\":\"followers_min\"");
    }

    @Test
    void shortlistExportListsItsAccountsWithMetricsInPercent() {
        long list = shortlists.create("Spring, launch").id();
        List<Long> ids = jdbc.queryForList(
                "SELECT account_id FROM account_score WHERE engagement_rate IS NOT NULL ORDER BY account_id LIMIT 3",
                Long.class);
        ids.forEach(id -> shortlists.add(list, id));
        List<List<String>> records = csv(web.get("/api/shortlists/" + list + ".csv"));
        assertThat(records).hasSize(4);
        assertThat(column(records, "Shortlist")).containsOnly("Spring, launch");
        double er = jdbc.queryForObject(
                "SELECT engagement_rate FROM account_score WHERE account_id = ?", Double.class, ids.get(0));
        String handle = jdbc.queryForObject("SELECT handle FROM account WHERE id = ?", String.class, ids.get(0));
        int row = column(records, "Handle").indexOf(handle);
        assertThat(Double.parseDouble(
                        column(records, "Median engagement rate (%)").get(row)))
                .isCloseTo(er * 100, org.assertj.core.data.Offset.offset(0.006));

        HttpResponse<String> missing = web.get("/api/shortlists/999999.csv");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("999999");
    }

    @Test
    void scorecardExportHasTheHeadlineAndEveryComponentInItsUnit() {
        long id = jdbc.queryForObject(
                "SELECT account_id FROM account_score WHERE trust_score IS NOT NULL ORDER BY account_id LIMIT 1",
                Long.class);
        double trust =
                jdbc.queryForObject("SELECT trust_score FROM account_score WHERE account_id = ?", Double.class, id);
        List<List<String>> records = csv(web.get("/api/creators/" + id + "/scorecard.csv"));
        List<String> figures = column(records, "Figure");
        assertThat(figures).contains("Trust score", "Median engagement rate", "Engagement", "Real followers");
        assertThat(column(records, "Value").get(figures.indexOf("Trust score")))
                .isEqualTo(String.valueOf(Math.round(trust)));
        assertThat(column(records, "Unit").get(figures.indexOf("Engagement"))).contains("%");
        assertThat(String.join(",", figures)).doesNotContain("_");

        HttpResponse<String> missing = web.get("/api/creators/999999/scorecard.csv");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void planExportHasThePlanAndItsAlternatives() {
        long list = shortlists.create("Plan me").id();
        jdbc.queryForList(
                        "SELECT account_id FROM account_score WHERE trust_score IS NOT NULL ORDER BY account_id LIMIT 6",
                        Long.class)
                .forEach(id -> shortlists.add(list, id));
        List<List<String>> records =
                csv(web.get("/shortlists/" + list + "/plan.csv?budget=5000&currency=USD&objective=engaged-reach"));
        List<String> plans = column(records, "Plan");
        assertThat(plans).contains("this plan");
        assertThat(column(records, "Handle")).allMatch(h -> !h.isBlank() && !h.startsWith("'"));
        List<String> costs = column(records, "Cost").subList(0, plans.lastIndexOf("this plan") + 1);
        assertThat(costs.stream().mapToDouble(Double::parseDouble).sum()).isLessThanOrEqualTo(5000.0);

        HttpResponse<String> bad = web.get("/shortlists/" + list + "/plan.csv?budget=plenty");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("budget");
    }

    private static List<String> handles(String json) {
        Matcher m = Pattern.compile("\"handle\":\"([^\"]+)\"").matcher(json);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
