package io.microreach.campaigns;

/** What a request to a tracking link was. Only {@link #CLICK} counts as a click; the others are counted apart. */
public enum ClickKind {
    /** A person following the link. */
    CLICK,
    /** A crawler or monitoring robot. */
    BOT,
    /** A link-preview fetcher (a chat or social app building a card for a pasted link). */
    PREVIEW,
    /** A browser fetching the link speculatively, before anyone clicked. */
    PREFETCH,
    /** A HEAD request: checks a link without following it. */
    HEAD;

    /** The value stored in the database. */
    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
