package io.microreach.app.searcheval;

import java.util.List;
import java.util.Map;

/**
 * One judged query.
 *
 * @param id stable name
 * @param corpus which corpus it is judged on ({@code generated} or {@code kim2020})
 * @param language the language it is written in
 * @param kind {@code brief}, {@code keywords} or {@code handle} (keywords that name an account)
 * @param text the brief or the keywords
 * @param filters search filters the user also set ({@code KEY=VALUE} as in the REST API)
 * @param relevant what makes an account relevant: niches, required and preferred attributes, or a handle
 */
record JudgedQuery(
        String id,
        String corpus,
        String language,
        String kind,
        String text,
        Map<String, String> filters,
        Relevance relevant) {

    /**
     * The grading rule's inputs. An account's grade is 2 when its primary niche is in {@code niches}, 1 when another
     * of its niches is, else 0; it is 0 when a {@code require} attribute does not match, and one lower when a {@code
     * prefer} attribute does not. With {@code handle}, only that account is relevant (grade 2).
     */
    record Relevance(
            List<String> niches, Map<String, List<String>> require, Map<String, List<String>> prefer, String handle) {
        Relevance {
            niches = niches == null ? List.of() : List.copyOf(niches);
            require = require == null ? Map.of() : Map.copyOf(require);
            prefer = prefer == null ? Map.of() : Map.copyOf(prefer);
        }
    }
}
