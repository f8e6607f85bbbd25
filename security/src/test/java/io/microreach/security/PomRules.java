package io.microreach.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders advisories.csv as maven-enforcer-plugin {@code bannedDependencies} rules, and finds the rendered block in
 * the root pom between two marker comments.
 */
final class PomRules {

    static final String BEGIN =
            "<!-- BEGIN advisories: generated from security/advisories.csv, do not edit by hand (see docs/dependency-advisories.md) -->";
    static final String END = "<!-- END advisories -->";

    /** Indentation of the rules inside {@code <rules>} in the root pom. */
    private static final String INDENT = "                ";

    private PomRules() {}

    /**
     * The block from BEGIN to END inclusive, each line indented as in the root pom, without a trailing newline. One
     * rule per library and action rather than per advisory: each rule makes the enforcer collect the module's
     * dependency graph again (tens of milliseconds per rule and module), so grouping keeps the check to a few
     * seconds.
     */
    static String render(List<Advisory> advisories) {
        Map<String, List<Advisory>> rules = new LinkedHashMap<>();
        for (Advisory advisory : advisories) {
            rules.computeIfAbsent(advisory.coordinate() + " " + advisory.action(), k -> new ArrayList<>())
                    .add(advisory);
        }
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        for (List<Advisory> rule : rules.values()) {
            Advisory first = rule.get(0);
            out.append(INDENT).append("<bannedDependencies>\n");
            if (!first.fails()) {
                out.append(INDENT).append("  <level>WARN</level>\n");
            }
            out.append(INDENT)
                    .append("  <message>")
                    .append(xml(first.coordinate()))
                    .append(first.fails() ? "" : " (known, upgrade pending)")
                    .append(": the version marked below is in the affected range of at least one advisory"
                            + " in security/advisories.csv:");
            for (Advisory advisory : rule) {
                // Continuation lines start at column 0: the enforcer prints the message verbatim.
                out.append("\n  ").append(xml(advisory.message()));
            }
            out.append("</message>\n");
            out.append(INDENT).append("  <excludes>\n");
            for (Advisory advisory : rule) {
                out.append(INDENT)
                        .append("    <exclude>")
                        .append(xml(advisory.pattern()))
                        .append("</exclude>\n");
            }
            out.append(INDENT).append("  </excludes>\n");
            out.append(INDENT).append("</bannedDependencies>\n");
        }
        return out.append(INDENT).append(END).toString();
    }

    /** The block as it stands in {@code pom}, from BEGIN to END inclusive. */
    static String extract(String pom) {
        int begin = pom.indexOf(BEGIN);
        int end = pom.indexOf(END);
        if (begin < 0 || end < begin || pom.indexOf(BEGIN, begin + 1) >= 0) {
            throw new IllegalStateException("the root pom must hold exactly one block between\n" + BEGIN + "\nand\n"
                    + END + "\ninside the dependency-advisories enforcer execution");
        }
        return pom.substring(begin, end + END.length());
    }

    /** {@code pom} with its block replaced by the one rendered from {@code advisories}. */
    static String replace(String pom, List<Advisory> advisories) {
        return pom.replace(extract(pom), render(advisories));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
