package io.microreach.app.demo;

import io.microreach.app.scoring.ScoringProgress;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The demo data set over HTTP: {@code GET /api/demo} counts its accounts, {@code DELETE /api/demo} removes them (the
 * same as {@code microreach demo remove}), and the Discover page's "remove demo data" button posts to {@code
 * /demo/remove}.
 */
@Controller
class DemoController {
    private final DemoAccounts demo;

    DemoController(DemoAccounts demo) {
        this.demo = demo;
    }

    @GetMapping("/api/demo")
    @ResponseBody
    Map<String, Long> count() {
        return Map.of("accounts", demo.count());
    }

    @DeleteMapping("/api/demo")
    @ResponseBody
    DemoRemoval remove() {
        return demo.remove(ScoringProgress.NONE);
    }

    @PostMapping("/demo/remove")
    String removeFromPage() {
        demo.remove(ScoringProgress.NONE);
        return "redirect:/discover";
    }
}
