package io.microreach.signals.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenericCommentClassifierTest {
    private final GenericCommentClassifier classifier = new GenericCommentClassifier();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "🔥🔥",
                "😍",
                "👏👏👏",
                "❤️🔥",
                "!!!",
                "nice pic",
                "Nice pic 🔥",
                "great post!",
                "Love this!!",
                "so goooood",
                "YESSS",
                "wow",
                "this is everything",
                "beautiful ✨",
                "schönes Bild 🔥",
                "toller Beitrag!",
                "Wahnsinn",
                "qué bonito 😍",
                "me encanta!",
                "j'adore !",
                "trop belle photo",
                "che foto 🔥",
                "bellissimo",
                "amei!",
                "que lindo 😍",
                "Stunning 😍"
            })
    void genericPraiseAndEmojiAreGeneric(String text) {
        assertThat(classifier.isGeneric(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "Any tips for meal prep?",
                "Where did you buy the jacket?",
                "Love your content on hiking",
                "Saving this for later!",
                "@anna look at this",
                "Hast du Tipps für Krafttraining?",
                "¿Cómo empezaste con la fotografía?",
                "nice pic but the lighting is off here",
                "great post great post great post great post",
                "Thanks for answering! 🙏"
            })
    void specificCommentsAreNot(String text) {
        assertThat(classifier.isGeneric(text)).as(text).isFalse();
    }
}
