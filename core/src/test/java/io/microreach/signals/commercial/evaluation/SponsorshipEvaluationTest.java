package io.microreach.signals.commercial.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.ingest.UnusableInputException;
import io.microreach.signals.commercial.SponsorshipDetector;
import io.microreach.signals.commercial.SponsorshipReason;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label file, join and scores on a hand-made miniature of the public data folder (made-up captions). */
class SponsorshipEvaluationTest {
    static final List<String> CAPTIONS = List.of(
            "Paid partnership with @glowco! Brunch with @anna.", // disclosed, brand glowco
            "Use code LENA15 at @glowco", // undisclosed, brand glowco
            "this post (obviously) wasn't sponsored by @glowco", // none: negation
            "Use code EBOOK20 for my e-book", // none: own product
            "Morning run #fitness #ad", // labelled none (hashtag stuffing): a false alarm
            "Gifted by a friend, no brand here at all"); // labelled none: a friend's gift, but "gifted by" fires

    @TempDir
    Path dir;

    Path data() throws Exception {
        Path set = Files.createDirectories(dir.resolve("data").resolve("captions_set"));
        StringBuilder csv = new StringBuilder("label,text\n");
        for (String c : CAPTIONS) {
            csv.append("x,\"").append(c.replace("\"", "\"\"")).append("\"\n");
        }
        Files.writeString(set.resolve("captions.csv"), csv);
        return dir.resolve("data");
    }

    Path labels(String... rows) throws Exception {
        StringBuilder csv = new StringBuilder("set,file,row,text_sha1,split,stratum,label,brands,note\n");
        for (String r : rows) {
            csv.append(r).append('\n');
        }
        return Files.writeString(dir.resolve("labels.csv"), csv);
    }

    static String row(int row, String split, String label, String... brands) {
        return "captions_set,captions.csv," + row + "," + SponsorshipLabelFile.hash(CAPTIONS.get(row)) + "," + split
                + ",test," + label + ","
                + String.join(
                        "|",
                        List.of(brands).stream().map(SponsorshipLabelFile::hash).toList())
                + ",";
    }

    @Test
    void scoresTheDetectorAgainstTheLabels() throws Exception {
        Path labels = labels(
                row(0, "tune", "disclosed", "glowco"),
                row(1, "tune", "undisclosed", "glowco"),
                row(2, "holdout", "none"),
                row(3, "holdout", "none"),
                row(4, "holdout", "none"),
                row(5, "holdout", "none"));
        List<LabelledCaption> captions = PublicCaptions.join(data(), SponsorshipLabelFile.read(labels));
        SponsorshipEvaluation e = SponsorshipEvaluation.of(captions, new SponsorshipDetector());
        assertThat(e.n()).isEqualTo(6);
        // Called sponsored: rows 0, 1, 4 and 5; truly sponsored: rows 0 and 1.
        assertThat(e.sponsored().hits()).isEqualTo(2);
        assertThat(e.sponsored().predicted()).isEqualTo(4);
        assertThat(e.sponsored().precision()).isEqualTo(0.5);
        assertThat(e.sponsored().recall()).isEqualTo(1.0);
        assertThat(e.sponsored().f1()).isCloseTo(2 * 0.5 / 1.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(e.disclosed().hits()).isEqualTo(1);
        assertThat(e.disclosed().predicted()).isEqualTo(3);
        assertThat(e.undisclosed().precision()).isEqualTo(1.0);
        // Brands: glowco on rows 0 and 1, nothing named on rows 4 and 5.
        assertThat(e.brands().hits()).isEqualTo(2);
        assertThat(e.brands().predicted()).isEqualTo(2);
        assertThat(e.brands().actual()).isEqualTo(2);
        assertThat(e.confusion().get(SponsorshipTruth.NONE.ordinal())).containsExactly(2, 0, 2);
        assertThat(e.selfPromotion()).isEqualTo(1);
        assertThat(e.falseAlarmReasons()).containsEntry(SponsorshipReason.DISCLOSURE_MARKER, 2);
    }

    @Test
    void aFigureWithoutDenominatorIsUnavailable() {
        Scores s = Scores.of(0, 0, 0);
        assertThat(s.precision()).isNull();
        assertThat(s.recall()).isNull();
        assertThat(s.f1()).isNull();
        assertThat(Scores.of(0, 3, 2).f1()).isEqualTo(0.0);
    }

    @Test
    void aChangedCaptionFailsTheJoin() throws Exception {
        Path labels = labels(row(0, "tune", "disclosed", "glowco")
                .replace(SponsorshipLabelFile.hash(CAPTIONS.get(0)), "0123456789ab"));
        List<CaptionLabel> read = SponsorshipLabelFile.read(labels);
        Path data = data();
        assertThatThrownBy(() -> PublicCaptions.join(data, read))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("text_sha1");
    }

    @Test
    void aRowPastTheEndFailsTheJoin() throws Exception {
        Path labels = labels(row(0, "tune", "disclosed").replace(",0,", ",99,"));
        List<CaptionLabel> read = SponsorshipLabelFile.read(labels);
        Path data = data();
        assertThatThrownBy(() -> PublicCaptions.join(data, read))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("row 99")
                .hasMessageContaining("has 6 rows");
    }

    @Test
    void aMissingFolderIsNamed() throws Exception {
        List<CaptionLabel> read = SponsorshipLabelFile.read(labels(row(0, "tune", "disclosed")));
        assertThatThrownBy(() -> PublicCaptions.join(dir.resolve("nowhere"), read))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void badLabelsNameLineAndField() throws Exception {
        assertThatThrownBy(() -> SponsorshipLabelFile.read(labels(row(0, "tune", "maybe"))))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("line 2: label: 'maybe'");
        assertThatThrownBy(() -> SponsorshipLabelFile.read(labels(row(0, "tune", "none", "glowco"))))
                .hasMessageContaining("line 2: brands");
        assertThatThrownBy(() ->
                        SponsorshipLabelFile.read(labels(row(0, "tune", "none").replace(",0,", ",x,"))))
                .hasMessageContaining("line 2: row: 'x'");
        assertThatThrownBy(() -> SponsorshipLabelFile.read(
                        labels(row(0, "tune", "disclosed", "glowco").replaceAll(",[0-9a-f]{12},$", ",GLOWCO,"))))
                .hasMessageContaining("brands");
        Path noColumn = Files.writeString(dir.resolve("nocol.csv"), "set,file,row\nx,y,1\n");
        assertThatThrownBy(() -> SponsorshipLabelFile.read(noColumn)).hasMessageContaining("line 1: missing column");
        assertThatThrownBy(() -> SponsorshipLabelFile.read(dir.resolve("none.csv")))
                .hasMessageContaining("no such file");
    }

    @Test
    void labelsKeepTheirHashedBrands() throws Exception {
        List<CaptionLabel> read =
                SponsorshipLabelFile.read(labels(row(1, "holdout", "undisclosed", "glowco", "Other")));
        assertThat(read.get(0).brandHashes())
                .isEqualTo(Set.of(SponsorshipLabelFile.hash("glowco"), SponsorshipLabelFile.hash("Other")));
        assertThat(read.get(0).truth()).isEqualTo(SponsorshipTruth.UNDISCLOSED);
        assertThat(read.get(0).split()).isEqualTo("holdout");
        assertThat(SponsorshipLabelFile.hash("glowco")).hasSize(12).matches("[0-9a-f]{12}");
    }
}
