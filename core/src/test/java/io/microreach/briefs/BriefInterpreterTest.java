package io.microreach.briefs;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.briefs.BriefChip.Field;
import io.microreach.briefs.BriefChip.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BriefInterpreterTest {

    private static List<String> keys(BriefInterpretation i) {
        return i.chips().stream().map(c -> c.key() + "/" + c.mode().id()).toList();
    }

    @Test
    void englishBriefGivesCountryFilterSizeBoostAndTheContentWordsAsTopic() {
        BriefInterpretation i = BriefInterpreter.interpret(
                "We sell organic vegan skincare in Germany and want honest reviews from small creators");
        assertThat(keys(i)).containsExactly("country:DE/filter", "tier:micro/boost");
        assertThat(i.topic()).isEqualTo("organic vegan skincare");
        BriefChip size = i.chips().get(1);
        assertThat(size.words()).isEqualTo("small creators");
        assertThat(size.label()).isEqualTo("Micro (5k–50k followers)");
        assertThat(i.chips().get(0).words()).isEqualTo("Germany");
        assertThat(i.chips().get(0).label()).isEqualTo("Germany");
    }

    @Test
    void germanBrief() {
        BriefInterpretation i = BriefInterpreter.interpret(
                "Wir verkaufen Naturkosmetik in Deutschland und suchen kleine Creator auf YouTube für ehrliche"
                        + " Bewertungen");
        assertThat(keys(i)).containsExactly("country:DE/filter", "platform:youtube/filter", "tier:micro/boost");
        assertThat(i.topic()).isEqualTo("Naturkosmetik");
        assertThat(i.chips().get(2).words()).isEqualTo("kleine Creator");
    }

    @Test
    void germanLanguageWordIsABoostNotACountry() {
        BriefInterpretation i = BriefInterpreter.interpret("deutschsprachige Mikro-Influencer für vegane Rezepte");
        assertThat(keys(i)).containsExactly("language:de/boost", "tier:micro/boost");
        assertThat(i.topic()).isEqualTo("vegane Rezepte");
    }

    @Test
    void spanishBriefWithAdjectiveAfterTheNoun() {
        BriefInterpretation i = BriefInterpreter.interpret(
                "Buscamos creadores pequeños en España para nuestra marca de ropa deportiva en Instagram");
        assertThat(keys(i)).containsExactly("country:ES/filter", "platform:instagram/filter", "tier:micro/boost");
        assertThat(i.chips().get(2).words()).isEqualTo("creadores pequeños");
        assertThat(i.topic()).isEqualTo("ropa deportiva");
    }

    @Test
    void frenchBriefWithAccentsAndHyphens() {
        BriefInterpretation i = BriefInterpreter.interpret(
                "Nous cherchons des micro-influenceurs francophones en Belgique pour nos cosmétiques bio");
        assertThat(keys(i)).containsExactly("language:fr/boost", "country:BE/filter", "tier:micro/boost");
        assertThat(i.topic()).isEqualTo("cosmétiques bio");
    }

    @Test
    void multiWordCountriesAndSeveralCountriesOfOneField() {
        BriefInterpretation i =
                BriefInterpreter.interpret("hiking gear for creators in the United Kingdom and New Zealand");
        assertThat(keys(i)).containsExactly("country:GB/filter", "country:NZ/filter");
        assertThat(i.topic()).isEqualTo("hiking gear");
    }

    @Test
    void twoLetterWordsAndSizeWordsAwayFromCreatorsAreNotConstraints() {
        BriefInterpretation i = BriefInterpreter.interpret("small batch coffee roasters talk to us, de la crème");
        assertThat(i.chips()).isEmpty();
        assertThat(i.topic()).isEqualTo("small batch coffee roasters talk crème");
    }

    @Test
    void aBriefOfOnlyConstraintsKeepsItsWholeTextAsTopic() {
        BriefInterpretation i = BriefInterpreter.interpret("small creators in Germany");
        assertThat(keys(i)).containsExactly("country:DE/filter", "tier:micro/boost");
        assertThat(i.topic()).isEqualTo("small creators in Germany");
    }

    @Test
    void blankBriefHasNothing() {
        assertThat(BriefInterpreter.interpret("  ").chips()).isEmpty();
        assertThat(BriefInterpreter.interpret(null).topic()).isEmpty();
    }

    @Test
    void repeatedConstraintIsOneChipWithBothSources() {
        BriefInterpretation i = BriefInterpreter.interpret("Germany skincare, sold across Deutschland");
        assertThat(i.chips()).hasSize(1);
        assertThat(i.chips().get(0).field()).isEqualTo(Field.COUNTRY);
        assertThat(i.chips().get(0).words()).isEqualTo("Germany, Deutschland");
        assertThat(i.chips().get(0).mode()).isEqualTo(Mode.FILTER);
    }
}
