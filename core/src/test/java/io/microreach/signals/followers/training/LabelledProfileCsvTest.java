package io.microreach.signals.followers.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.microreach.signals.followers.FollowerProfile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledProfileCsvTest {
    private static List<LabelledProfile> read(String csv) throws Exception {
        return LabelledProfileCsv.read(new StringReader(csv));
    }

    private static List<CsvRowError> errors(String csv) {
        return catchThrowableOfType(InvalidLabelledCsvException.class, () -> read(csv))
                .errors();
    }

    @Test
    void readsAllContractColumns() throws Exception {
        List<LabelledProfile> rows = read(
                "label,username,posts,followers,following,has_profile_picture,is_private,bio_length,has_external_url,"
                        + "fullname_words\n"
                        + "1,ab12,0,3,2000,0,false,0,no,1\n"
                        + "0,lena.h,120,800,500,1,true,40,yes,2\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).suspicious()).isTrue();
        assertThat(rows.get(0).profile())
                .isEqualTo(new FollowerProfile(0L, 3L, 2000L, false, false, false, 4, 0.5, 0, 1));
        assertThat(rows.get(1).suspicious()).isFalse();
        assertThat(rows.get(1).profile())
                .isEqualTo(new FollowerProfile(120L, 800L, 500L, true, true, true, 6, 0.0, 40, 2));
    }

    @Test
    void missingColumnsAndEmptyCellsAreUnknownAndExtraColumnsIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, "\uFEFFId, Followers ,LABEL,note,posts\nx1,10,1,bought,\nx2,,0,,7\n");
        List<LabelledProfile> rows = LabelledProfileCsv.read(file);
        assertThat(rows).extracting(LabelledProfile::suspicious).containsExactly(true, false);
        assertThat(rows.get(0).profile()).isEqualTo(FollowerProfile.unknown().withCounts(null, 10L, null));
        assertThat(rows.get(1).profile()).isEqualTo(FollowerProfile.unknown().withCounts(7L, null, null));
        Files.writeString(file, "label,followers,note\n1,10,x\n0,,y\n");
        // A row whose only feature is empty has nothing to learn from: an error, not a silent skip.
        assertThat(catchThrowableOfType(InvalidLabelledCsvException.class, () -> LabelledProfileCsv.read(file))
                        .errors())
                .containsExactly(new CsvRowError(3, "", "row has a label but no feature value"));
    }

    @Test
    void everyBadRowIsReportedWithItsLineNumber() {
        List<CsvRowError> errors = errors("label,followers,is_private,username\n"
                + "1,12,0,a\n"
                + "1,twelve,0,a\n"
                + "2,5,0,a\n"
                + "0,5,maybe,\"multi\nline\"\n"
                + "0,-3,0,a\n"
                + ",5,0,a\n"
                + "1,5\n");
        assertThat(errors)
                .extracting(CsvRowError::line, CsvRowError::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "followers"),
                        org.assertj.core.groups.Tuple.tuple(4L, "label"),
                        org.assertj.core.groups.Tuple.tuple(5L, "is_private"),
                        org.assertj.core.groups.Tuple.tuple(7L, "followers"),
                        org.assertj.core.groups.Tuple.tuple(8L, "label"),
                        org.assertj.core.groups.Tuple.tuple(9L, ""));
        assertThat(errors.get(0).toString())
                .isEqualTo("line 3, column followers: expected a whole number ≥ 0, " + "found 'twelve'");
    }

    @Test
    void headerProblems() {
        assertThat(errors("followers,posts\n3,4\n")).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains("label");
        });
        assertThat(errors("label,note\n1,x\n"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("no feature column"));
        assertThat(errors("label,posts,Posts\n1,2,3\n"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("twice"));
        assertThat(errors("label,posts\n"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("no data rows"));
    }

    @Test
    void messageListsTheFirstProblemsAndLongCellsAreCut() {
        StringBuilder csv = new StringBuilder("label,posts\n");
        for (int i = 0; i < 12; i++) {
            csv.append("1,").append("x".repeat(40)).append('\n');
        }
        InvalidLabelledCsvException e =
                catchThrowableOfType(InvalidLabelledCsvException.class, () -> read(csv.toString()));
        assertThat(e.errors()).hasSize(12);
        assertThat(e.getMessage()).contains("12 problem(s)").contains("line 2,").contains("… and 2 more");
        assertThat(e.getMessage()).doesNotContain("x".repeat(21));
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> LabelledProfileCsv.read(dir.resolve("absent.csv")))
                .isInstanceOf(IOException.class);
    }
}
