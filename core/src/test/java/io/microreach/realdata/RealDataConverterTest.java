package io.microreach.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealDataConverterTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFolderSaysWhereTheRealDataLives() {
        Path absent = tmp.resolve("shared/data/instafake");

        assertThatThrownBy(() -> new RealDataConverter().convert(RealDataSet.INSTAFAKE, absent, tmp.resolve("o.jsonl")))
                .isInstanceOf(RealDataNotFoundException.class)
                .hasMessage(absent + ": no such folder; the real data sets live in ../shared/data/ beside the"
                        + " checkout (this one in ../shared/data/instafake/)")
                .satisfies(
                        e -> assertThat(((RealDataNotFoundException) e).path()).isEqualTo(absent));
        assertThat(tmp.resolve("o.jsonl")).doesNotExist();
    }

    @Test
    void aMissingFileIsNamedBeforeAnythingIsWritten() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("instafake"));
        Files.writeString(folder.resolve("nonautomatedAccountData.json"), "[]");
        Files.writeString(folder.resolve("realAccountData.json"), "[]");
        Path out = tmp.resolve("out/o.jsonl");

        assertThatThrownBy(() -> new RealDataConverter().convert(RealDataSet.INSTAFAKE, folder, out))
                .isInstanceOf(RealDataNotFoundException.class)
                .hasMessageStartingWith(folder.resolve("fakeAccountData.json") + ": no such file;")
                .hasMessageContaining("../shared/data/")
                .hasMessageNotContaining("\n");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aFileGivenAsSourceFolderIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("instagram_reach.csv"), "x");

        assertThatThrownBy(() ->
                        new RealDataConverter().convert(RealDataSet.INSTAGRAM_REACH, file, tmp.resolve("o.jsonl")))
                .isInstanceOf(RealDataNotFoundException.class)
                .hasMessageStartingWith(file + ": not a folder; the real data sets live in ../shared/data/");
    }

    @Test
    void textThatIsNotUtf8IsRefusedAsAWhole() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("reach"));
        Files.write(
                folder.resolve("instagram_reach.csv"),
                "USERNAME,Followers,Time since posted,Likes\nx\u00e9,1,2 hours,3\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        Path out = tmp.resolve("o.jsonl");

        assertThatThrownBy(() -> new RealDataConverter().convert(RealDataSet.INSTAGRAM_REACH, folder, out))
                .hasMessage(folder.resolve("instagram_reach.csv") + ": is not UTF-8 text");
        assertThat(out).doesNotExist();
    }

    @Test
    void brokenJsonFailsAsAWholeAndLeavesNoOutput() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("instafake"));
        Files.writeString(folder.resolve("nonautomatedAccountData.json"), "[{\"userFollowerCount\": 1},");
        Files.writeString(folder.resolve("fakeAccountData.json"), "[]");
        Files.writeString(folder.resolve("realAccountData.json"), "{}");
        Path out = tmp.resolve("o.jsonl");

        assertThatThrownBy(() -> new RealDataConverter().convert(RealDataSet.INSTAFAKE, folder, out))
                .hasMessageStartingWith(folder.resolve("nonautomatedAccountData.json") + ": ");
        assertThat(out).doesNotExist();
        assertThat(RealDataConverter.labelsFileOf(out)).doesNotExist();
        assertThat(tmp.resolve("o.jsonl.tmp")).doesNotExist();
    }

    @Test
    void gzipOutputImportsAndAnEarlierFileIsReplaced() throws Exception {
        Path out = tmp.resolve("reach.jsonl.gz");
        Files.writeString(out, "stale");

        new RealDataConverter().convert(RealDataSet.INSTAGRAM_REACH, Fixtures.folder("instagram-reach"), out);

        ImportCheck check = ImportCheck.read(out);
        assertThat(check.rejections()).isEmpty();
        assertThat(check.records()).hasSize(5);
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void setsAreFoundByCliOrFolderName() {
        assertThat(RealDataSet.fromName("instafake")).contains(RealDataSet.INSTAFAKE);
        assertThat(RealDataSet.fromName(" Instagram-Reach ")).contains(RealDataSet.INSTAGRAM_REACH);
        assertThat(RealDataSet.fromName("instagram-reach-posts")).contains(RealDataSet.INSTAGRAM_REACH);
        assertThat(RealDataSet.fromName("kaggle")).isEmpty();
        assertThat(RealDataSet.fromName(null)).isEmpty();
        assertThat(RealDataSet.cliNames()).isEqualTo("instafake, instagram-reach");
        assertThat(RealDataSet.INSTAFAKE.folderName()).isEqualTo("instafake");
        assertThat(RealDataSet.INSTAGRAM_REACH.folderName()).isEqualTo("instagram-reach-posts");
    }
}
