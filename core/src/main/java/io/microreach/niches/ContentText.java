package io.microreach.niches;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text an account is classified and searched by: its bio, its most recent captions without links, mentions and
 * hashtags (partner handles and links say nothing about the niche), then the most used hashtags of its
 * {@value #RECENT_POSTS} most recent posts written as words: split into the words they were made of
 * ({@code #veganrecipes} → "vegan recipes", {@link HashtagSegmenter}), which lifted macro-F1 on real Instagram
 * creators by about 0.02 (docs/niches.md), since a glued tag is otherwise one unknown word cut at arbitrary places;
 * the tag words are written three times ({@link #TAG_REPEATS}). Capped at {@link #MAX_CHARS} characters, cutting the captions
 * and never the tags, so the full model stays within about two windows of 256 tokens and the fast
 * path's cost per account is bounded; a dozen captions carry the niche as well as a hundred.
 */
public final class ContentText {
    /** Posts read per account, newest first: captions come from the first {@link #MAX_CAPTIONS}, hashtags from all. */
    public static final int RECENT_POSTS = 30;

    public static final int MAX_CAPTIONS = 12;
    public static final int MAX_HASHTAGS = 15;
    public static final int MAX_CHARS = 1500;

    private static final Pattern LINK = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern MENTION_OR_TAG = Pattern.compile("[@#][\\p{L}\\p{M}\\p{N}_.]+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private static final HashtagSegmenter SEGMENTER = HashtagSegmenter.standard();
    private static final String SEPARATOR = " . ";
    /**
     * The tag words are written three times: a creator's hashtags name the topic more often than the captions do,
     * and on the tuning half of real Instagram creators macro-F1 rose from 0.414 (once) to 0.424 (twice) and 0.431
     * (three times; docs/niches.md).
     */
    static final int TAG_REPEATS = 3;

    private ContentText() {}

    /**
     * @param bio the account's bio, or null
     * @param captionsNewestFirst captions of recent posts, newest first (nulls are skipped)
     * @param hashtags hashtags of recent posts, repeats included (they rank the tags)
     */
    public static String of(String bio, List<String> captionsNewestFirst, List<String> hashtags) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String tag : hashtags) {
            if (tag != null && !tag.isBlank()) {
                counts.merge(tag.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            }
        }
        List<String> top = counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(MAX_HASHTAGS)
                .map(Map.Entry::getKey)
                .map(SEGMENTER::segment)
                .toList();
        StringBuilder tags = new StringBuilder();
        String tagLine = SPACE.matcher(String.join(" ", top)).replaceAll(" ").trim();
        for (int i = 0; i < TAG_REPEATS && !tagLine.isEmpty(); i++) {
            append(tags, tagLine);
        }
        // The tags' room is kept: long captions are cut, never the tags.
        int room = tags.length() == 0 ? MAX_CHARS : Math.max(0, MAX_CHARS - tags.length() - SEPARATOR.length());
        StringBuilder text = new StringBuilder();
        append(text, bio == null ? null : LINK.matcher(bio).replaceAll(" "));
        int used = 0;
        for (String caption : captionsNewestFirst) {
            if (used == MAX_CAPTIONS || text.length() >= room) {
                break;
            }
            if (caption != null) {
                append(
                        text,
                        MENTION_OR_TAG
                                .matcher(LINK.matcher(caption).replaceAll(" "))
                                .replaceAll(" "));
                used++;
            }
        }
        if (text.length() > room) {
            text.setLength(room);
        }
        append(text, tags.toString());
        String out = text.toString().trim();
        return out.length() <= MAX_CHARS ? out : out.substring(0, MAX_CHARS);
    }

    private static void append(StringBuilder text, String part) {
        if (part == null) {
            return;
        }
        String clean = SPACE.matcher(part).replaceAll(" ").trim();
        if (!clean.isEmpty()) {
            if (text.length() > 0) {
                text.append(SEPARATOR);
            }
            text.append(clean);
        }
    }

    /** SHA-256 of the text (UTF-8): embeddings are recomputed only when it changes. */
    public static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
