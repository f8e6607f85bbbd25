package io.microreach.app.search;

/**
 * An inclusive range of a filtered metric; a {@code null} bound is open, so {@link #ANY} constrains nothing. A range
 * whose minimum exceeds its maximum is allowed here: a search with one matches nothing and says why ({@link
 * #contradiction}) instead of failing, because a user narrowing a form can pass through such a state.
 *
 * @param min the smallest value that matches, or null for no lower bound
 * @param max the largest value that matches, or null for no upper bound
 */
public record Range<T extends Comparable<T>>(T min, T max) {
    @SuppressWarnings("rawtypes")
    private static final Range ANY = new Range<>(null, null);

    /** No constraint. */
    @SuppressWarnings("unchecked")
    public static <T extends Comparable<T>> Range<T> any() {
        return ANY;
    }

    public static <T extends Comparable<T>> Range<T> atLeast(T min) {
        return new Range<>(min, null);
    }

    public static <T extends Comparable<T>> Range<T> atMost(T max) {
        return new Range<>(null, max);
    }

    /** Whether neither bound is set. */
    public boolean isOpen() {
        return min == null && max == null;
    }

    /** Whether {@code value} lies within the bounds; a missing value (null) never does unless the range is open. */
    public boolean contains(T value) {
        if (value == null) {
            return isOpen();
        }
        return (min == null || min.compareTo(value) <= 0) && (max == null || value.compareTo(max) <= 0);
    }

    /** Whether no value can lie within the bounds. */
    public boolean isEmpty() {
        return min != null && max != null && min.compareTo(max) > 0;
    }

    /**
     * Why no value can match, naming the bounds by their parameter keys ("followers_min 10 > followers_max 1"), or
     * null when some value can.
     */
    public String contradiction(String minKey, String maxKey) {
        return isEmpty() ? minKey + " " + min + " > " + maxKey + " " + max : null;
    }
}
