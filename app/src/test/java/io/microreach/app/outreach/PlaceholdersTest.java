package io.microreach.app.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlaceholdersTest {
    private static final String[] LITERALS = {"Hi ", "{", "}", "{x}", "$1", "\\", "\n", " – ", "{{", "@"};

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @Test
    void knownAnswers() {
        Map<String, String> v = Map.of("creator.handle", "ana", "fee", "10.00 EUR", "campaign.name", "A {{fee}} $1");
        assertThat(Placeholders.fill("Hi @{{creator.handle}}, {{ fee }}!", v, false))
                .isEqualTo("Hi @ana, 10.00 EUR!");
        assertThat(Placeholders.fill("{{campaign.name}}", v, false))
                .as("a value is not scanned again")
                .isEqualTo("A {{fee}} $1");
        assertThat(Placeholders.fill("{{creator.handle}}", Map.of("creator.handle", "a\r\nBcc: x"), true))
                .isEqualTo("a Bcc: x");
        assertThat(Placeholders.unknown("{{creator.handle}} {{creator.name}} {{x}}"))
                .contains("creator.name");
        assertThat(Placeholders.unknown("{ {fee}} {fee} {{ fee }}")).isEmpty();
    }

    @Test
    void aTemplateIsCheckedWhenSaved() {
        assertThatThrownBy(() -> OutreachTemplates.check(MessageKind.INVITATION, "Hi", "{{promo}}"))
                .isInstanceOf(OutreachProblem.class)
                .hasMessageContaining("{{promo}}")
                .extracting(e -> ((OutreachProblem) e).field())
                .isEqualTo("body");
        assertThatThrownBy(() -> OutreachTemplates.check(MessageKind.INVITATION, "Hi\r\nBcc: a@b.c", "x"))
                .extracting(e -> ((OutreachProblem) e).field())
                .isEqualTo("subject");
        assertThatThrownBy(() -> OutreachTemplates.check(MessageKind.INVITATION, "Hi", "a\u0000b"))
                .extracting(e -> ((OutreachProblem) e).field())
                .isEqualTo("body");
        assertThat(OutreachTemplates.check(
                                MessageKind.INVITATION,
                                OutreachTemplates.INVITATION.subject(),
                                OutreachTemplates.INVITATION.body())
                        .body())
                .isEqualTo(OutreachTemplates.INVITATION.body());
    }

    /** Random mixes of literal text and placeholders, filled, against the text assembled piece by piece. */
    @ParameterizedTest
    @MethodSource("seeds")
    void fillingEqualsTheReferenceAssembly(long seed) {
        Random r = new Random(seed);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : Placeholders.NAMES) {
            values.put(
                    name, r.nextBoolean() ? "v" + r.nextInt(1000) : LITERALS[r.nextInt(LITERALS.length)] + "{{fee}}");
        }
        StringBuilder template = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0, n = r.nextInt(12); i < n; i++) {
            if (r.nextBoolean()) {
                String name = Placeholders.NAMES.get(r.nextInt(Placeholders.NAMES.size()));
                String spaced = r.nextBoolean() ? "{{" + name + "}}" : "{{ " + name + " }}";
                template.append(spaced);
                expected.append(values.get(name));
            } else {
                String literal = LITERALS[r.nextInt(LITERALS.length)];
                // Literal braces right next to a placeholder would form a different placeholder; keep them apart.
                if (literal.contains("{") || literal.contains("}")) {
                    literal = " " + literal.replace("{{", "{ {") + " ";
                }
                template.append(literal);
                expected.append(literal);
            }
        }
        assertThat(Placeholders.fill(template.toString(), values, false)).isEqualTo(expected.toString());
        assertThat(Placeholders.unknown(template.toString())).isEmpty();
    }
}
