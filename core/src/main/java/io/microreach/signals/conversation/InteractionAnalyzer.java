package io.microreach.signals.conversation;

import io.microreach.domain.Comment;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.LiteralPrefilter;
import io.microreach.signals.Proportion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interaction-inviting content (PRODUCT.md): share of captions that ask a question, call for comments or teach; share
 * of others' top-level comments that are questions; mean thread depth.
 *
 * <p><b>Captions.</b> Links, hashtags and mentions are blanked first: a {@code ?ref=} in a link is no question and
 * niche tags such as {@code #fitnesstips} sit on every post of a niche. A caption then is a {@link
 * InvitationKind#QUESTION} when it has a question mark ({@code ?}, {@code ¿}, {@code ？}), a {@link
 * InvitationKind#CALL_TO_COMMENT} or {@link InvitationKind#TEACHING} when a phrase of {@code invitations.json}
 * occurs as whole words (case and accents ignored, every language's list on every caption, since creators mix
 * languages and the account's language is not always known), and also TEACHING when it holds a numbered list (two
 * or more lines opening with {@code 1.}, {@code 2)} or a keycap digit). Rhetorical questions count: the rule
 * measures what the caption invites, not what the creator meant. Keyword lists are the usual approach of
 * marketing-analytics tools; their blind spot is phrasing outside the lists, measured on real captions in the docs.
 *
 * <p><b>Question comments.</b> A comment is a question when it has a question mark, or opens with a question word
 * of the list and has no exclamation mark (comments often drop the "?"). Counted over top-level comments by others:
 * replies inside a thread mostly answer the creator or another fan.
 *
 * <p><b>Thread depth.</b> Depth of a thread = 1 + the longest chain of replies under its top-level comment, over all
 * threads (the creator's own top-level comments included: a creator who opens conversations also starts threads).
 * Replies whose chain of parents leaves the data are left out.
 */
public final class InteractionAnalyzer {
    private static final PhraseRule.Rules RULES = PhraseRule.bundled();
    private static final Pattern NUMBERED_LINE =
            Pattern.compile("(?m)^[\\s\\p{Punct}&&[^\\d]]*(?:\\d{1,2}[.)]|\\d\\uFE0F?\\u20E3)\\s*\\S");
    private static final int MAX_CHAIN = 1_000;

    private final InteractionSettings settings;

    public InteractionAnalyzer() {
        this(InteractionSettings.DEFAULT);
    }

    InteractionAnalyzer(InteractionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public InteractionInvitation analyze(AccountActivity activity) {
        List<Post> posts = activity.posts()
                .subList(0, Math.min(settings.maxPosts(), activity.posts().size()));
        Map<String, Integer> postRank = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            postRank.putIfAbsent(posts.get(i).platformId(), i);
        }
        List<Comment> comments = new ArrayList<>();
        for (Comment c : activity.comments()) {
            if (postRank.containsKey(c.postPlatformId())) {
                comments.add(c);
            }
        }
        comments.sort(Comparator.<Comment>comparingInt(c -> postRank.get(c.postPlatformId()))
                .thenComparing(Comment::createdAt)
                .thenComparing(Comment::platformId));
        return new InteractionInvitation(
                captions(posts), questions(activity, comments, posts.size()), threads(comments, posts.size()));
    }

    /** Classifies one caption; {@code null} or blank invites nothing. */
    CaptionInvitation classifyCaption(String caption) {
        if (caption == null || caption.isBlank()) {
            return new CaptionInvitation(Set.of());
        }
        String prose = TextFolding.prose(caption);
        String folded = TextFolding.fold(prose);
        Set<InvitationKind> kinds = EnumSet.noneOf(InvitationKind.class);
        if (TextFolding.hasQuestionMark(prose)) {
            kinds.add(InvitationKind.QUESTION);
        }
        int[] words = LiteralPrefilter.wordStartPositions(folded);
        if (RULES.callToComment().foundIn(folded, words)) {
            kinds.add(InvitationKind.CALL_TO_COMMENT);
        }
        if (RULES.teaching().foundIn(folded, words) || numberedLines(folded) >= 2) {
            kinds.add(InvitationKind.TEACHING);
        }
        return new CaptionInvitation(kinds);
    }

    /** Whether a comment text is a question (see the class comment). */
    public boolean isQuestion(String comment) {
        if (comment == null || comment.isBlank()) {
            return false;
        }
        String prose = TextFolding.prose(comment);
        if (TextFolding.hasQuestionMark(prose)) {
            return true;
        }
        return prose.indexOf('!') < 0 && RULES.questionOpeners().opens(TextFolding.fold(prose));
    }

    private InvitingCaptions captions(List<Post> posts) {
        int known = 0;
        int question = 0;
        int call = 0;
        int teaching = 0;
        List<String> inviting = new ArrayList<>();
        for (Post p : posts) {
            if (p.caption() == null) {
                continue;
            }
            known++;
            CaptionInvitation c = classifyCaption(p.caption());
            question += c.has(InvitationKind.QUESTION) ? 1 : 0;
            call += c.has(InvitationKind.CALL_TO_COMMENT) ? 1 : 0;
            teaching += c.has(InvitationKind.TEACHING) ? 1 : 0;
            if (c.inviting()) {
                inviting.add(p.platformId());
            }
        }
        Confidence confidence = Confidence.of(known, settings.minimumCaptions(), settings.highConfidenceCaptions());
        List<String> evidence = head(inviting);
        if (confidence == Confidence.NONE) {
            String reason = posts.isEmpty()
                    ? "no posts in the window"
                    : known == 0
                            ? "no captions known for the " + posts.size() + " post(s)"
                            : "only " + known + " caption(s); at least " + settings.minimumCaptions() + " are needed";
            return new InvitingCaptions(null, question, call, teaching, evidence, confidence, reason);
        }
        return new InvitingCaptions(
                Proportion.wilson(inviting.size(), known), question, call, teaching, evidence, confidence, null);
    }

    private QuestionComments questions(AccountActivity activity, List<Comment> comments, int postCount) {
        int n = 0;
        List<String> questionIds = new ArrayList<>();
        for (Comment c : comments) {
            if (c.parentPlatformId() == null && !activity.isByCreator(c)) {
                n++;
                if (isQuestion(c.text())) {
                    questionIds.add(c.platformId());
                }
            }
        }
        Confidence confidence = Confidence.of(n, settings.minimumComments(), settings.highConfidenceComments());
        if (confidence == Confidence.NONE) {
            String reason = n == 0
                    ? "no top-level comments by others on the " + postCount + " post(s)"
                    : "only " + n + " top-level comment(s) by others; at least " + settings.minimumComments()
                            + " are needed";
            return new QuestionComments(null, head(questionIds), confidence, reason);
        }
        return new QuestionComments(Proportion.wilson(questionIds.size(), n), head(questionIds), confidence, null);
    }

    private ThreadDepth threads(List<Comment> comments, int postCount) {
        Map<String, Comment> byId = new HashMap<>();
        for (Comment c : comments) {
            byId.put(c.platformId(), c);
        }
        // Root id -> deepest level seen in its thread; roots in the sorted order of the comments.
        Map<String, Integer> depthByRoot = new LinkedHashMap<>();
        for (Comment c : comments) {
            if (c.parentPlatformId() == null) {
                depthByRoot.put(c.platformId(), 1);
            }
        }
        int orphans = 0;
        for (Comment c : comments) {
            if (c.parentPlatformId() == null) {
                continue;
            }
            int level = 1;
            Comment at = c;
            while (at != null && at.parentPlatformId() != null && level <= MAX_CHAIN) {
                at = byId.get(at.parentPlatformId());
                level++;
            }
            if (at == null || at.parentPlatformId() != null) {
                orphans++; // a parent is missing, or the chain loops
                continue;
            }
            depthByRoot.merge(at.platformId(), level, Math::max);
        }
        int threads = depthByRoot.size();
        int max =
                depthByRoot.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> deepest = new ArrayList<>();
        if (max > 1) {
            depthByRoot.forEach((id, d) -> {
                if (d == max) {
                    deepest.add(id);
                }
            });
        }
        Confidence confidence = Confidence.of(threads, settings.minimumThreads(), settings.highConfidenceThreads());
        if (confidence == Confidence.NONE) {
            String reason = threads == 0
                    ? "no comment threads on the " + postCount + " post(s)"
                    : "only " + threads + " thread(s); at least " + settings.minimumThreads() + " are needed";
            return new ThreadDepth(null, threads, max, orphans, head(deepest), confidence, reason);
        }
        double mean = depthByRoot.values().stream()
                .mapToInt(Integer::intValue)
                .average()
                .orElseThrow();
        return new ThreadDepth(mean, threads, max, orphans, head(deepest), confidence, null);
    }

    private List<String> head(List<String> ids) {
        return List.copyOf(ids.subList(0, Math.min(settings.evidenceLimit(), ids.size())));
    }

    private static int numberedLines(String text) {
        if (!hasAsciiDigit(text)) {
            return 0; // every numbered line has one (\d is ASCII here); most captions have none
        }
        Matcher m = NUMBERED_LINE.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean hasAsciiDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
