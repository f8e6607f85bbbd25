package io.microreach.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.app.BrowserTest;
import io.microreach.app.WebClient;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.ImportReport;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stored XSS: a corpus of payloads stored as bios, display names, captions, comments, profile links and shortlist
 * names, then every page that shows them opened in Chromium. No payload may run (each would set {@code
 * window.__xss}), and none may become markup: no element with an event-handler attribute, no inline script, no
 * {@code javascript:} link, no frame. The layout's Content-Security-Policy would block an inline script even if one
 * slipped through, so the markup check is what proves the escaping; a blocked script would also fail the test through
 * the console error it logs.
 */
class XssCorpusBrowserTest extends BrowserTest {
    private static final String RUN = "window.__xss=1";

    static final List<String> PAYLOADS = List.of(
            "<script>" + RUN + "</script>",
            "<SCRIPT>" + RUN + "</SCRIPT>",
            "<script src=data:text/javascript," + RUN + "></script>",
            "<img src=x onerror=\"" + RUN + "\">",
            "<img src=x onerror='" + RUN + "'>",
            "<img/src=x/onerror=" + RUN + ">",
            "<svg onload=" + RUN + ">",
            "<svg><script>" + RUN + "</script></svg>",
            "<svg><animate onbegin=" + RUN + " attributeName=x dur=1s>",
            "<body onload=" + RUN + ">",
            "<iframe src=\"javascript:" + RUN + "\"></iframe>",
            "<iframe srcdoc=\"<script>parent." + RUN + "</script>\"></iframe>",
            "<a href=\"javascript:" + RUN + "\">click</a>",
            "<a href=\"JaVaScRiPt:" + RUN + "\">click</a>",
            "<a href=\"&#106;avascript:" + RUN + "\">click</a>",
            "javascript:" + RUN,
            "data:text/html,<script>" + RUN + "</script>",
            "<object data=\"data:text/html,<script>" + RUN + "</script>\"></object>",
            "<embed src=\"data:text/html,<script>" + RUN + "</script>\">",
            "<details open ontoggle=" + RUN + ">",
            "<input autofocus onfocus=" + RUN + ">",
            "<select autofocus onfocus=" + RUN + ">",
            "<textarea autofocus onfocus=" + RUN + ">",
            "<video><source onerror=" + RUN + "></video>",
            "<audio src=x onerror=" + RUN + ">",
            "<marquee onstart=" + RUN + ">",
            "<div style=\"background:url(javascript:" + RUN + ")\">",
            "<style>@import 'javascript:" + RUN + "';</style>",
            "<link rel=stylesheet href=\"javascript:" + RUN + "\">",
            "<meta http-equiv=refresh content=\"0;url=javascript:" + RUN + "\">",
            "<base href=\"javascript:" + RUN + "//\">",
            "<form action=\"javascript:" + RUN + "\"><button>go</button></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=" + RUN + ">",
            "\"><script>" + RUN + "</script>",
            "'><script>" + RUN + "</script>",
            "\" onmouseover=\"" + RUN + "\" x=\"",
            "' onmouseover='" + RUN + "' x='",
            "</title><script>" + RUN + "</script>",
            "</textarea><script>" + RUN + "</script>",
            "</script><script>" + RUN + "</script>",
            "<!--<img src=\"--><img src=x onerror=" + RUN + "//\">",
            "<![CDATA[<script>" + RUN + "</script>]]>",
            "';" + RUN + ";//",
            "\";" + RUN + ";//",
            "${" + RUN + "}",
            "[[${T(java.lang.Runtime).getRuntime()}]]",
            "[(${7*7})]",
            "{{constructor.constructor('" + RUN + "')()}}",
            "＜script＞" + RUN + "＜/script＞",
            "<scr<script>ipt>" + RUN + "</scr</script>ipt>",
            "%3Cscript%3E" + RUN + "%3C%2Fscript%3E",
            "&lt;script&gt;" + RUN + "&lt;/script&gt;",
            "\u202e<script>" + RUN + "</script>",
            "<img src=x onerror=eval(atob('d2luZG93Ll9feHNzPTE='))>",
            "<a hx-get=\"/api/demo\" hx-trigger=\"load\" hx-on::after-request=\"" + RUN + "\">x</a>");

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    @Test
    void noStoredPayloadRunsOrBecomesMarkupOnAnyPage() throws Exception {
        assertThat(PAYLOADS).hasSizeGreaterThanOrEqualTo(50);
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String p = PAYLOADS.get(i);
            ObjectNode account = json.createObjectNode()
                    .put("type", "account")
                    .put("platform", "instagram")
                    .put("id", "x" + i)
                    .put("handle", "xss_" + i)
                    .put("display_name", p)
                    .put("bio", p)
                    .put("external_url", p)
                    .put("followers", 5000 + i);
            lines.add(account.toString());
            lines.add(json.createObjectNode()
                    .put("type", "post")
                    .put("platform", "instagram")
                    .put("id", "xp" + i)
                    .put("account_id", "x" + i)
                    .put("published_at", "2026-11-20T10:00:00Z")
                    .put("format", "photo")
                    .put("caption", p + " #skincare")
                    .put("likes", 100)
                    .put("comments", 1)
                    .toString());
            lines.add(json.createObjectNode()
                    .put("type", "comment")
                    .put("platform", "instagram")
                    .put("id", "xc" + i)
                    .put("post_id", "xp" + i)
                    .put("author_id", "fan" + i)
                    .put("author_handle", "fan_" + i)
                    .put("text", p)
                    .put("created_at", "2026-11-20T11:00:00Z")
                    .toString());
        }
        Path file = dir.resolve("xss.jsonl");
        Files.write(file, lines);
        ImportReport report = importer.importFile(file, ImportProgress.NONE);
        assertThat(report.rejected()).as("every payload is stored as text").isZero();
        scorer.scoreAll(ScoringProgress.NONE);

        WebClient web = new WebClient(port);
        for (String p : PAYLOADS) {
            if (p.length() <= 100) {
                int status = web.form("/shortlists", Map.of("name", p), false).statusCode();
                // 409: names are unique regardless of case, and two payloads differ only in case.
                assertThat(status).as("shortlist named %s", p).matches(s -> s < 400 || s == 409);
            }
        }
        Long firstList = jdbc.queryForObject("SELECT min(id) FROM shortlist", Long.class);
        jdbc.update(
                "INSERT INTO shortlist_entry (workspace_id, shortlist_id, account_id)"
                        + " SELECT s.workspace_id, s.id, a.id FROM shortlist s, account a WHERE s.id = ?",
                firstList);

        List<String> pages = new ArrayList<>(List.of(
                "/discover",
                "/discover?query=skincare&include_demo=true",
                "/discover?query=%3Cscript%3E",
                "/creators",
                "/shortlists",
                "/shortlists?list=" + firstList));
        for (Long id : jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class)) {
            pages.add("/creators/" + id);
        }
        for (String page : pages) {
            open(page);
            assertThat(js("return window.__xss === undefined"))
                    .as("a payload ran on %s", page)
                    .isEqualTo(true);
            Object injected = js("return Array.from(document.querySelectorAll('*')).filter(e =>"
                    + " Array.from(e.attributes).some(a => a.name.startsWith('on') || a.name.startsWith('hx-on'))"
                    + " || (e.tagName === 'SCRIPT' && !e.src) || e.tagName === 'IFRAME' || e.tagName === 'OBJECT'"
                    + " || e.tagName === 'EMBED' || e.tagName === 'BASE'"
                    + " || ((e.href || '') + '').toLowerCase().startsWith('javascript:')"
                    + " || ((e.src || '') + '').toLowerCase().startsWith('data:text/html'))"
                    + ".map(e => e.outerHTML.substring(0, 120))");
            assertThat((List<?>) injected).as("markup injected on %s", page).isEmpty();
            assertNoAlert();
        }
        assertThat(driver.getPageSource()).as("shown as text").contains("xss_");
    }
}
