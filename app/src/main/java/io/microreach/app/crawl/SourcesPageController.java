package io.microreach.app.crawl;

import io.microreach.connectors.DiscoveryQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Sources page: each platform's settings (key or token, never shown back; base URL; sync interval), a form to
 * crawl by keyword or seed, the runs with their progress, problems and a stop button; and the run page, which polls
 * itself while its run works. The "add a creator" box of Discover and the creators list posts here too.
 */
@Controller
public class SourcesPageController {
    private final SourceSettings settings;
    private final CrawlService crawls;

    public SourcesPageController(SourceSettings settings, CrawlService crawls) {
        this.settings = settings;
        this.crawls = crawls;
    }

    @GetMapping("/sources")
    public String page(Model model) {
        model.addAttribute("sources", settings.all());
        Map<String, List<CrawlService.TaskState>> state = new HashMap<>();
        for (Source s : Source.values()) {
            state.put(s.id(), crawls.sourceState(s));
        }
        model.addAttribute("sourceState", state);
        model.addAttribute("runs", crawls.recent(25));
        model.addAttribute("allSources", Source.values());
        return "sources";
    }

    @PostMapping("/sources/{id}/settings")
    public String saveSettings(
            @PathVariable String id,
            @RequestParam(required = false) String baseUrl,
            @RequestParam(required = false) String key,
            @RequestParam(required = false, defaultValue = "false") boolean clearKey,
            @RequestParam(required = false) String accountId,
            @RequestParam(required = false) String syncMinutes,
            RedirectAttributes flash) {
        Source s = source(id);
        settings.update(s, baseUrl, key, clearKey, accountId, syncMinutes);
        flash.addFlashAttribute("saved", s.label() + " settings saved.");
        return "redirect:/sources#source-" + s.id();
    }

    @PostMapping("/sources/crawl")
    public String crawl(
            @RequestParam String source,
            @RequestParam(required = false) String query,
            @RequestParam(required = false) String seed,
            @RequestParam(required = false, defaultValue = "1") String depth,
            @RequestParam(required = false, defaultValue = "50") String maxAccounts) {
        Source s = source(source);
        boolean hasQuery = query != null && !query.isBlank();
        boolean hasSeed = seed != null && !seed.isBlank();
        if (hasQuery == hasSeed) {
            throw new SourceProblem("query", "give either a keyword or a seed account, not both");
        }
        if (hasQuery && query.length() > 200) {
            throw new SourceProblem("query", "a keyword is at most 200 characters");
        }
        int d = number(depth, "depth", 1, 3);
        int max = number(maxAccounts, "maxAccounts", 1, CrawlRequest.MAX_ACCOUNTS_LIMIT);
        DiscoveryQuery q = hasQuery ? DiscoveryQuery.keyword(query.strip()) : DiscoveryQuery.seed(seed.strip(), d);
        CrawlRunView run = crawls.start(CrawlRequest.discover(s, q, max, CrawlRequest.DEFAULT_MAX_REQUESTS));
        return "redirect:/sources/runs/" + run.id();
    }

    @PostMapping("/sources/add")
    public String add(@RequestParam(required = false) String account, @RequestParam(required = false) String source) {
        Optional<Source> hint = source == null || source.isBlank() || source.equals("auto")
                ? Optional.empty()
                : Optional.of(source(source));
        ProfileAddress a = ProfileAddress.parse(account, hint);
        CrawlRunView run =
                crawls.start(CrawlRequest.add(a.source(), a.account()).withBaseUrl(a.baseUrl()));
        return "redirect:/sources/runs/" + run.id();
    }

    @PostMapping("/sources/runs/{id}/stop")
    public String stop(@PathVariable long id, RedirectAttributes flash) {
        boolean asked = crawls.stop(id);
        flash.addFlashAttribute(
                "saved",
                asked
                        ? "Run " + id + " stops after its current page; start the same crawl again to resume it."
                        : "Run " + id + " is not running in this app.");
        return "redirect:/sources/runs/" + id;
    }

    @GetMapping("/sources/runs/{id}")
    public String run(@PathVariable long id, Model model) {
        fill(id, model);
        return "crawl-run";
    }

    /** The progress section alone, polled by the run page while the run works. */
    @GetMapping("/sources/runs/{id}/progress")
    public String progress(@PathVariable long id, Model model) {
        fill(id, model);
        return "crawl-run :: progress";
    }

    /** The sources and their settings as JSON, without keys. */
    @GetMapping("/api/sources")
    @ResponseBody
    public List<SourceSettings.SourceConfig> api() {
        return settings.all();
    }

    @GetMapping("/api/crawls/{id}")
    @ResponseBody
    public CrawlRunView apiRun(@PathVariable long id) {
        return crawls.find(id).orElseThrow(() -> new RunNotFound(id));
    }

    private void fill(long id, Model model) {
        CrawlRunView run = crawls.find(id).orElseThrow(() -> new RunNotFound(id));
        model.addAttribute("run", run);
        model.addAttribute("fetched", crawls.fetchedSince(run));
        model.addAttribute("openTasks", crawls.openTasks(id, 10));
    }

    private static Source source(String id) {
        return Source.fromId(id).orElseThrow(() -> new SourceProblem("source", "unknown source “" + id + "”"));
    }

    private static int number(String value, String field, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim().replace(",", ""));
            if (n < min || n > max) {
                throw new SourceProblem(field, field + " is between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new SourceProblem(field, field + " is a whole number");
        }
    }

    @ExceptionHandler(SourceProblem.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String problem(SourceProblem e, Model model) {
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errorField", e.field());
        return page(model);
    }

    @ExceptionHandler(RunNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(RunNotFound e, Model model) {
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    static final class RunNotFound extends RuntimeException {
        RunNotFound(long id) {
            super("No crawl run with id " + id + ".");
        }
    }
}
