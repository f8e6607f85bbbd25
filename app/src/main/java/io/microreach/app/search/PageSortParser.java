package io.microreach.app.search;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one reading of paging and ordering parameters (sort key, direction, page number or offset, page size), used by
 * the search API, Discover, the creators list and the {@code search} command; every error is an {@link
 * InvalidSearchParameter} naming the parameter. The front ends grew apart before they shared this, and links and
 * scripts depend on how each behaves, so the differences are settings rather than being evened out:
 *
 * <ul>
 *   <li>what a blank sort means ({@code blankSort}): Discover's form sends {@code sort=} for relevance; elsewhere the
 *       framework fills in the default for a missing or empty value, so a blank that reaches here is an unknown sort;
 *   <li>how an unknown sort is named ({@code sortParameter}, {@code sortNoun}) and whether the error lists the choices;
 *   <li>what a blank direction means: the sort's natural direction, or (the creators list, whose default {@code desc}
 *       the framework fills in) an error;
 *   <li>the largest page ({@code maxPageSize}), and whether pages are numbered ({@link #byPage}: the creators list,
 *       Discover) or given as an offset ({@link #byOffset}: the API and the command line). Discover's numbered pages
 *       keep the offset's wording when they run past the deepest result.
 * </ul>
 *
 * @param sortParameter the name errors give the sort ({@code sort}, or {@code --sort} on the command line)
 * @param sortNoun what the error calls an unknown sort ("unknown sort 'x'", "unknown order 'x'", ...)
 * @param sortById the sort for an id, empty when there is none
 * @param allowedSorts the ids listed in the error for an unknown sort, or null to list none
 * @param blankSort the sort a blank value means, or null when blank is an unknown sort
 * @param blankDirectionIsNatural whether a blank direction means the sort's natural one (else it is an error)
 * @param maxPageSize the largest page size or limit
 */
public record PageSortParser<S>(
        String sortParameter,
        String sortNoun,
        Function<String, Optional<S>> sortById,
        String allowedSorts,
        S blankSort,
        boolean blankDirectionIsNatural,
        int maxPageSize) {

    /**
     * The search's own orders: unknown ones are listed, a blank direction is the natural one, limits up to {@link
     * SearchRequest#MAX_LIMIT}.
     */
    public static PageSortParser<SearchSort> forSearch(String sortParameter, String sortNoun, SearchSort blankSort) {
        return new PageSortParser<>(
                sortParameter,
                sortNoun,
                SearchSort::fromId,
                SearchSort.allowedIds(),
                blankSort,
                true,
                SearchRequest.MAX_LIMIT);
    }

    /**
     * A page of results.
     *
     * @param offset results skipped
     * @param limit results on the page
     */
    public record Page(int offset, int limit) {
        /** The page's number (from 0) when pages are {@code limit} long. */
        public int number() {
            return offset / limit;
        }
    }

    public S sort(String id) {
        if (blankSort != null && (id == null || id.isBlank())) {
            return blankSort;
        }
        return sortById.apply(id)
                .orElseThrow(() -> new InvalidSearchParameter(
                        sortParameter,
                        "unknown " + sortNoun + " '" + id + "'"
                                + (allowedSorts == null ? "" : "; expected one of " + allowedSorts)));
    }

    /** {@code asc} is false, {@code desc} true; null is the sort's natural direction. */
    public Boolean descending(String dir) {
        if (blankDirectionIsNatural && (dir == null || dir.isBlank())) {
            return null;
        }
        return switch (dir == null ? "" : dir) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new InvalidSearchParameter("dir", "must be asc or desc, got '" + dir + "'");
        };
    }

    /** A page number given as text (named {@code page}); blank is the first page, 0. */
    public int pageNumber(String text) {
        int page = text == null || text.isBlank() ? 0 : wholeNumber("page", text);
        checkPageNumber(page);
        return page;
    }

    /** Numbered pages of {@code size} (named {@code page} and {@code size}); they end at the deepest result. */
    public Page byPage(int page, int size) {
        checkPageNumber(page);
        if (size < 1 || size > maxPageSize) {
            throw new InvalidSearchParameter("size", "must be between 1 and " + maxPageSize + ", got " + size);
        }
        if ((long) (page + 1L) * size > SearchRequest.MAX_WINDOW) {
            throw new InvalidSearchParameter(
                    "page", "pages end at result " + SearchRequest.MAX_WINDOW + "; narrow the filters instead");
        }
        return new Page(page * size, size);
    }

    /** {@code limit} results after skipping {@code offset} (named {@code offset} and {@code limit}). */
    public Page byOffset(long offset, int limit) {
        checkOffset(offset, limit, maxPageSize);
        return new Page((int) offset, limit);
    }

    /**
     * The rules of an offset and limit (what every {@link SearchRequest} obeys): offset 0 or more, limit 1 to {@code
     * maxLimit}, and offset + limit at most {@link SearchRequest#MAX_WINDOW} (deeper paging should narrow the filters).
     */
    static void checkOffset(long offset, int limit, int maxLimit) {
        if (offset < 0) {
            throw new InvalidSearchParameter("offset", "must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > maxLimit) {
            throw new InvalidSearchParameter("limit", "must be between 1 and " + maxLimit + ", got " + limit);
        }
        if (offset + limit > SearchRequest.MAX_WINDOW) {
            throw new InvalidSearchParameter(
                    "offset",
                    "offset + limit must be at most " + SearchRequest.MAX_WINDOW + "; narrow the filters instead");
        }
    }

    /** A whole number given as text; surrounding blanks are ignored. */
    public static int wholeNumber(String parameter, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSearchParameter(parameter, "'" + text + "' is not a whole number");
        }
    }

    private static void checkPageNumber(int page) {
        if (page < 0) {
            throw new InvalidSearchParameter("page", "must be 0 or more, got " + page);
        }
    }
}
