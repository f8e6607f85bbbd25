package io.microreach.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import java.lang.reflect.Parameter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * SQL-injection strings in every path variable and every query parameter of every GET route (read from the app's
 * route table, so a new route is swept too), in the search filters, and in the path variables of the other routes.
 * Each answer must be a clean answer (below 500, no database error text), and afterwards the data and the tables are
 * as they were.
 */
class SqlInjectionSweepTest extends SpringAppTest {
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "1; DROP TABLE account; --",
            "1' UNION SELECT password_hash, NULL FROM app_user --",
            "\" OR 1=1 --",
            "1)) OR ((1=1",
            "'; COPY (SELECT 1) TO PROGRAM 'id'; --",
            "$$; DROP TABLE post; $$",
            "x' AND pg_sleep(5) IS NULL --",
            "followers DESC; DROP TABLE account",
            "\\' OR 1=1 --",
            "1e309",
            "-99999999999999999999999");

    /** The search filters, read by name from a map rather than declared as parameters. */
    static final List<String> FILTERS = List.of(
            "brief_ignore",
            "country",
            "er_max",
            "er_min",
            "er_percentile_max",
            "er_percentile_min",
            "followers_max",
            "followers_min",
            "has_contact",
            "include_demo",
            "language",
            "niche",
            "niche_confidence_min",
            "platform",
            "price_max",
            "price_min",
            "reply_rate_min",
            "suspicious_max",
            "text",
            "tier",
            "trust_min");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private long rows() {
        return jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM post) + (SELECT count(*) FROM shortlist)"
                        + " + (SELECT count(*) FROM app_user)",
                Long.class);
    }

    private static void assertClean(HttpResponse<String> r, String what) {
        assertThat(r.statusCode()).as(what + " -> " + r.body()).isLessThan(500);
        assertThat(r.body())
                .as(what)
                .doesNotContain("PSQLException")
                .doesNotContain("SQLException")
                .doesNotContain("syntax error")
                .doesNotContain("bad SQL grammar");
    }

    @Test
    void injectionStringsInEveryParameterGetACleanAnswerAndChangeNothing() {
        emptyPublicTables();
        jdbc.update(
                "INSERT INTO account (platform, platform_id, handle, followers) VALUES ('instagram', 'i1', 'kept', 5000)");
        jdbc.update(
                "INSERT INTO shortlist (workspace_id, name) SELECT id, 'kept list' FROM workspace WHERE name = 'default'");
        long before = rows();
        WebClient web = new WebClient(port);
        int requests = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> route :
                routes.getHandlerMethods().entrySet()) {
            if (route.getValue().getBeanType() == FailingEndpoints.class) {
                continue; // test endpoints that fail on purpose
            }
            Set<RequestMethod> methods = route.getKey().getMethodsCondition().getMethods();
            boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
            Set<String> params = new LinkedHashSet<>();
            for (Parameter p : route.getValue().getMethod().getParameters()) {
                RequestParam rp = p.getAnnotation(RequestParam.class);
                if (rp != null && !Map.class.isAssignableFrom(p.getType())) {
                    String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getName();
                    params.add(name);
                }
            }
            for (String pattern : route.getKey().getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (String injection : INJECTIONS) {
                    String path = pattern.replaceAll("\\{[^}]+}", enc(injection));
                    if (get) {
                        List<String> query = new ArrayList<>();
                        params.forEach(p -> query.add(p + "=" + enc(injection)));
                        String url = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
                        assertClean(web.get(url), "GET " + url);
                        requests++;
                    } else if (!path.equals(pattern)) {
                        // Other methods only with a path variable: their bodies are covered by the features' tests.
                        String m = methods.iterator().next().name();
                        assertClean(
                                m.equals("POST") ? web.form(path, Map.of(), false) : web.json(m, path, "{}"),
                                m + " " + path);
                        requests++;
                    }
                }
            }
        }
        for (String filter : FILTERS) {
            for (String injection : INJECTIONS) {
                for (String base : List.of("/api/search", "/discover", "/api/search.csv")) {
                    assertClean(web.get(base + "?" + filter + "=" + enc(injection)), base + " " + filter);
                    requests++;
                }
            }
        }
        assertThat(requests).as("the sweep covered the route table").isGreaterThan(500);
        assertThat(rows()).as("nothing was added or deleted").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT handle FROM account", String.class))
                .isEqualTo("kept");
    }
}
