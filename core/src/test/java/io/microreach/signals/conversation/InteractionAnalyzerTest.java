package io.microreach.signals.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.signals.Confidence;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionAnalyzerTest {
    static final InteractionSettings ANY_SIZE = new InteractionSettings(30, 1, 10, 1, 10, 1, 10, 10);

    final InteractionAnalyzer analyzer = new InteractionAnalyzer(ANY_SIZE);

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Which one would you pick?                                        | QUESTION
            ¿Qué opináis de la moda sostenible                               | QUESTION
            Vous en pensez quoi, de la course à pied ?                       | QUESTION
            Comment below with your favourite recipe 👇                      | CALL_TO_COMMENT
            Let me know what you think                                       | CALL_TO_COMMENT
            Tag him who promised to help                                     | CALL_TO_COMMENT
            Schreibt mir in die Kommentare, wie ihr das macht                | CALL_TO_COMMENT
            Verratet mir unten, was ihr davon haltet                         | CALL_TO_COMMENT
            Contadme en los comentarios cómo lo lleváis                      | CALL_TO_COMMENT
            Dites-moi en commentaire comment vous gérez                      | CALL_TO_COMMENT
            Scrivetemi nei commenti come affrontate la giornata              | CALL_TO_COMMENT
            Me contem nos comentários como vocês fazem                       | CALL_TO_COMMENT
            3 ways to fix your posture                                       | TEACHING
            How to start running in winter                                   | TEACHING
            My morning routine, step by step                                 | TEACHING
            5 Dinge, die ich gern früher gewusst hätte                       | TEACHING
            Mi rutina paso a paso                                            | TEACHING
            3 astuces pour bien dormir                                       | TEACHING
            Come iniziare con lo yoga                                        | TEACHING
            Minha rotina passo a passo                                       | TEACHING
            """)
    void invitingCaptionsInSixLanguages(String caption, InvitationKind kind) {
        CaptionInvitation c = analyzer.classifyCaption(caption);
        assertThat(c.inviting()).isTrue();
        assertThat(c.kinds()).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Sunday = leg day ✨",
                "Behind the scenes: meal prep",
                "Heute im Fokus: Krafttraining",
                "Shop it here: https://brand.com/p?ref=lena&x=1",
                "New week, more yoga\n\n#fitnesstips #howto #tips",
                "Thanks @tellme for the photo",
                "I tipped the waiter",
                "Committed to the comment-free life"
            })
    void plainCaptionsInviteNothing(String caption) {
        assertThat(analyzer.classifyCaption(caption).kinds()).as(caption).isEmpty();
    }

    @Test
    void aNumberedListTeaches() {
        assertThat(analyzer.classifyCaption("My week:\n1. run\n2. lift\n3. rest")
                        .kinds())
                .containsExactly(InvitationKind.TEACHING);
        assertThat(analyzer.classifyCaption("My week:\n1️⃣ run\n2️⃣ lift").kinds())
                .containsExactly(InvitationKind.TEACHING);
        assertThat(analyzer.classifyCaption("Day 1. of my trip").kinds()).isEmpty();
    }

    @Test
    void aCaptionCanHaveSeveralKinds() {
        assertThat(analyzer.classifyCaption("Tell me in the comments: how do you approach it? 3 tips below")
                        .kinds())
                .isEqualTo(Set.of(InvitationKind.QUESTION, InvitationKind.CALL_TO_COMMENT, InvitationKind.TEACHING));
        assertThat(analyzer.classifyCaption(null).inviting()).isFalse();
        assertThat(analyzer.classifyCaption("  ").inviting()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Any tips for beginners?                  | true
            how did you get started                  | true
            Wie hast du angefangen                   | true
            ¿Cómo empezaste                          | true
            what a view!                             | false
            nice pic 🔥                               | false
            Love your content                        | false
            see https://x.com/a?b=c                  | false
            """)
    void questionComments(String text, boolean question) {
        assertThat(analyzer.isQuestion(text)).as(text).isEqualTo(question);
    }

    @Test
    void sharesOverTheWindowWithEvidence() {
        Threads t = new Threads();
        String p1 = t.post(1, "What do you think?", 3L);
        String p2 = t.post(2, "Sunday = yoga", 0L);
        t.post(3, "", 0L); // an empty caption is known and invites nothing
        t.post(4, null, 0L); // unknown caption: not in the denominator
        String q = t.comment(p1, "u1", "Any tips?", 10);
        t.comment(p1, "u2", "love it", 9);
        t.add(p1, Threads.CREATOR_ID, Threads.CREATOR, "what do you all think?", 8, null); // creator: not counted
        t.comment(p2, "u3", "wow", 7);

        InteractionInvitation r = analyzer.analyze(t.activity());

        assertThat(r.captions().share().successes()).isEqualTo(1);
        assertThat(r.captions().share().sampleSize()).isEqualTo(3);
        assertThat(r.captions().questionCaptions()).isEqualTo(1);
        assertThat(r.captions().invitingPostIds()).containsExactly(p1);
        assertThat(r.questions().share().successes()).isEqualTo(1);
        assertThat(r.questions().share().sampleSize()).isEqualTo(3);
        assertThat(r.questions().questionCommentIds()).containsExactly(q);
    }

    @Test
    void threadDepthCountsNestingAndSkipsOrphansAndLoops() {
        Threads t = new Threads();
        String p = t.post(1);
        String flat = t.comment(p, "u1", 50);
        String two = t.comment(p, "u2", 49);
        t.creatorReply(two, 1);
        String three = t.comment(p, "u3", 48);
        String r1 = t.creatorReply(three, 1);
        t.reply(p, "u3", r1, 46); // nested: depth 3
        t.reply(p, "u4", "deleted", 45); // orphan
        t.add(p, "u5", "u5", "loop a", 44, "loopB");
        t.comments.add(new io.microreach.domain.Comment(
                io.microreach.domain.Platform.INSTAGRAM,
                "loopB",
                p,
                "u6",
                "u6",
                "loop b",
                Threads.at(43),
                t.comments.get(t.comments.size() - 1).platformId(),
                0L));

        ThreadDepth d = analyzer.analyze(t.activity()).threads();

        assertThat(d.threads()).isEqualTo(3);
        assertThat(d.mean()).isCloseTo((1 + 2 + 3) / 3.0, within(1e-12));
        assertThat(d.maxDepth()).isEqualTo(3);
        assertThat(d.deepestThreadIds()).containsExactly(three);
        assertThat(d.orphanReplies()).isEqualTo(3);
        assertThat(flat).isNotNull();
    }

    @Test
    void unavailableWithReasons() {
        InteractionInvitation none = new InteractionAnalyzer().analyze(new Threads().activity());
        assertThat(none.captions().unavailableReason()).isEqualTo("no posts in the window");
        assertThat(none.questions().available()).isFalse();
        assertThat(none.threads().unavailableReason()).startsWith("no comment threads");

        Threads t = new Threads();
        t.post(1, null, 0L);
        t.post(2, "hi?", 2L);
        t.comment("P1", "u1", "hi?", 3);
        InteractionInvitation few = new InteractionAnalyzer().analyze(t.activity());
        assertThat(few.captions().unavailableReason()).isEqualTo("only 1 caption(s); at least 5 are needed");
        assertThat(few.captions().confidence()).isEqualTo(Confidence.NONE);
        assertThat(few.questions().unavailableReason())
                .isEqualTo("only 1 top-level comment(s) by others; at least 10 are needed");
        assertThat(few.threads().unavailableReason()).isEqualTo("only 1 thread(s); at least 5 are needed");
    }
}
