package io.microreach.app.discover;

import io.microreach.app.search.SearchResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of the brief's chips above Discover's results: removing a chip adds it to {@code brief_ignore}; turning a
 * boost into a filter sets the filter of its field (which then replaces the chip's boost). Both keep every other
 * parameter of the current search and go back to the first page.
 *
 * @param remove the current search without this chip
 * @param filter the current search with the chip as a filter, or null when it is one already
 */
record BriefChipLinks(String remove, String filter) {

    static Map<String, BriefChipLinks> of(Map<String, String> form, List<SearchResult.BriefChipView> chips) {
        Map<String, BriefChipLinks> links = new LinkedHashMap<>();
        for (SearchResult.BriefChipView c : chips) {
            Map<String, String> without = new LinkedHashMap<>(form);
            String ignored = without.getOrDefault("brief_ignore", "");
            without.put("brief_ignore", ignored.isBlank() ? c.key() : ignored + "," + c.key());
            String filter = null;
            if (c.mode().equals("boost")) {
                Map<String, String> asFilter = new LinkedHashMap<>(form);
                asFilter.put(c.field(), c.value());
                filter = url(asFilter);
            }
            links.put(c.key(), new BriefChipLinks(url(without), filter));
        }
        return links;
    }

    private static String url(Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/discover");
        params.forEach((k, v) -> {
            if (!k.equals("page") && v != null && !v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        return b.encode().build().toUriString();
    }
}
