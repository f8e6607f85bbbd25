package io.microreach.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Browsers ask for /favicon.ico whatever the page says (for a raw file, say); answer with the SVG icon. */
@Controller
public class FaviconController {
    @GetMapping("/favicon.ico")
    public String favicon() {
        return "forward:/favicon.svg";
    }
}
