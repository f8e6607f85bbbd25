package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class PageSortParserTest {
    private static final PageSortParser<SearchSort> API = PageSortParser.forSearch("sort", "sort", null);
    private static final PageSortParser<SearchSort> DISCOVER =
            PageSortParser.forSearch("sort", "order", SearchSort.RELEVANCE);
    private static final PageSortParser<SearchSort> CLI = PageSortParser.forSearch("--sort", "sort", null);
    private static final PageSortParser<String> COLUMNS = new PageSortParser<>(
            "sort",
            "sort column",
            id -> "handle".equals(id) ? Optional.of("handle") : Optional.empty(),
            null,
            null,
            false,
            200);

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(Runnable r, String parameter, String message) {
        return assertThatThrownBy(r::run)
                .isInstanceOf(InvalidSearchParameter.class)
                .hasMessage(message)
                .satisfies(e ->
                        assertThat(((InvalidSearchParameter) e).parameter()).isEqualTo(parameter));
    }

    @Test
    void sortsByIdAndBlankOnlyWhereConfigured() {
        assertThat(API.sort("followers")).isEqualTo(SearchSort.FOLLOWERS);
        assertThat(API.sort("relevance")).isEqualTo(SearchSort.RELEVANCE);
        assertThat(DISCOVER.sort("")).isEqualTo(SearchSort.RELEVANCE);
        assertThat(DISCOVER.sort(null)).isEqualTo(SearchSort.RELEVANCE);
        assertThat(DISCOVER.sort("er")).isEqualTo(SearchSort.ER);
        assertThat(COLUMNS.sort("handle")).isEqualTo("handle");

        String ids = SearchSort.allowedIds();
        fails(() -> API.sort("sideways"), "sort", "unknown sort 'sideways'; expected one of " + ids);
        fails(() -> API.sort(" "), "sort", "unknown sort ' '; expected one of " + ids);
        fails(() -> CLI.sort("sideways"), "--sort", "unknown sort 'sideways'; expected one of " + ids);
        fails(() -> CLI.sort(""), "--sort", "unknown sort ''; expected one of " + ids);
        fails(() -> DISCOVER.sort("cuteness"), "sort", "unknown order 'cuteness'; expected one of " + ids);
        fails(() -> COLUMNS.sort("evil;drop"), "sort", "unknown sort column 'evil;drop'");
    }

    @Test
    void directions() {
        assertThat(API.descending("asc")).isFalse();
        assertThat(API.descending("desc")).isTrue();
        assertThat(API.descending(null)).isNull();
        assertThat(API.descending("")).isNull();
        assertThat(API.descending("  ")).isNull();
        assertThat(COLUMNS.descending("asc")).isFalse();
        assertThat(COLUMNS.descending("desc")).isTrue();

        fails(() -> API.descending("up"), "dir", "must be asc or desc, got 'up'");
        fails(() -> API.descending("DESC"), "dir", "must be asc or desc, got 'DESC'");
        fails(() -> COLUMNS.descending(" "), "dir", "must be asc or desc, got ' '");
        fails(() -> COLUMNS.descending("sideways"), "dir", "must be asc or desc, got 'sideways'");
    }

    @Test
    void pageNumbers() {
        assertThat(DISCOVER.pageNumber("")).isZero();
        assertThat(DISCOVER.pageNumber(null)).isZero();
        assertThat(DISCOVER.pageNumber("3")).isEqualTo(3);
        fails(() -> DISCOVER.pageNumber("two"), "page", "'two' is not a whole number");
        fails(() -> DISCOVER.pageNumber("-1"), "page", "must be 0 or more, got -1");
    }

    @Test
    void numberedPagesEndAtTheDeepestResult() {
        assertThat(COLUMNS.byPage(0, 50)).isEqualTo(new PageSortParser.Page(0, 50));
        assertThat(COLUMNS.byPage(2, 50)).isEqualTo(new PageSortParser.Page(100, 50));
        assertThat(COLUMNS.byPage(2, 50).number()).isEqualTo(2);
        assertThat(COLUMNS.byPage(49, 200)).isEqualTo(new PageSortParser.Page(9800, 200));

        fails(() -> COLUMNS.byPage(-1, 50), "page", "must be 0 or more, got -1");
        fails(() -> COLUMNS.byPage(0, 0), "size", "must be between 1 and 200, got 0");
        fails(() -> COLUMNS.byPage(0, 100000), "size", "must be between 1 and 200, got 100000");
        fails(() -> COLUMNS.byPage(50, 200), "page", "pages end at result 10000; narrow the filters instead");
        fails(
                () -> COLUMNS.byPage(Integer.MAX_VALUE, 200),
                "page",
                "pages end at result 10000; narrow the filters instead");
    }

    @Test
    void offsetsAndLimits() {
        assertThat(API.byOffset(0, 20)).isEqualTo(new PageSortParser.Page(0, 20));
        assertThat(API.byOffset(9500, 500)).isEqualTo(new PageSortParser.Page(9500, 500));
        assertThat(DISCOVER.byOffset(3L * 25, 25).number()).isEqualTo(3);

        fails(() -> API.byOffset(-1, 20), "offset", "must be 0 or more, got -1");
        fails(() -> API.byOffset(0, 0), "limit", "must be between 1 and 500, got 0");
        fails(() -> API.byOffset(0, 501), "limit", "must be between 1 and 500, got 501");
        fails(
                () -> API.byOffset(9990, 20),
                "offset",
                "offset + limit must be at most 10000; narrow the filters instead");
        fails(
                () -> DISCOVER.byOffset(100_000_000L * 25, 25),
                "offset",
                "offset + limit must be at most 10000; narrow the filters instead");
    }

    @Test
    void everySearchRequestObeysTheOffsetRules() {
        fails(
                () -> new SearchRequest(null, null, null, null, null, -5, 10, false),
                "offset",
                "must be 0 or more, got -5");
        fails(() -> SearchRequest.of(null, null, null, 501), "limit", "must be between 1 and 500, got 501");
    }

    @Test
    void wholeNumbers() {
        assertThat(PageSortParser.wholeNumber("offset", " 40 ")).isEqualTo(40);
        assertThat(PageSortParser.wholeNumber("offset", "-3")).isEqualTo(-3);
        fails(() -> PageSortParser.wholeNumber("limit", "ten"), "limit", "'ten' is not a whole number");
        fails(() -> PageSortParser.wholeNumber("limit", "1.5"), "limit", "'1.5' is not a whole number");
        fails(() -> PageSortParser.wholeNumber("limit", ""), "limit", "'' is not a whole number");
    }
}
