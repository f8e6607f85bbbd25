package io.microreach.app.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoImageTest {
    @TempDir
    Path tmp;

    /** A home shaped like one whose demo load finished and whose server stopped. */
    private Path image(int creators) throws IOException {
        Path image = tmp.resolve("image");
        Path pgdata = image.resolve("pgdata");
        Files.createDirectories(pgdata.resolve("base/1"));
        Files.setPosixFilePermissions(pgdata, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(pgdata.resolve("PG_VERSION"), "16\n");
        Path table = pgdata.resolve("base/1/16384");
        Files.writeString(table, "rows");
        Files.setPosixFilePermissions(table, PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(image.resolve("search/index-1"));
        Files.writeString(image.resolve("search/index-1/segments_1"), "index");
        DemoImage.stamp(new MicroreachHome(image), new DemoImage.Stamp(creators, 42));
        Path postgres = image.resolve("runtime/postgres/bin/postgres");
        Files.createDirectories(postgres.getParent());
        Files.writeString(postgres, "binary");
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(image.resolve("demo-data/ground-truth.jsonl"), "{}\n");
        return image;
    }

    @Test
    void anEmptyHomeGetsACopyOfTheImageWithItsPermissions() throws IOException {
        Path image = image(5000);
        MicroreachHome home = new MicroreachHome(tmp.resolve("home"));

        assertThat(DemoImage.seed(home, image, 5000)).isTrue();

        assertThat(home.databaseDirectory().resolve("base/1/16384")).hasContent("rows");
        assertThat(Files.getPosixFilePermissions(home.databaseDirectory()))
                .as("PostgreSQL refuses a data folder that others can read")
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(home.databaseDirectory().resolve("base/1/16384")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(home.root().resolve("search/index-1/segments_1")).hasContent("index");
        assertThat(home.demoData().resolve("ground-truth.jsonl")).exists();
        assertThat(Files.getPosixFilePermissions(home.runtime().resolve("postgres/bin/postgres")))
                .as("the binaries stay executable")
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(DemoImage.stampOf(home.root())).contains(new DemoImage.Stamp(5000, 42));
        assertThat(home.root().resolve("pgdata.copying")).doesNotExist();
        assertThat(image.resolve("pgdata/base/1/16384"))
                .as("the image is left as it was")
                .hasContent("rows");
    }

    @Test
    void aHomeWithADatabaseFolderIsNeverTouched() throws IOException {
        Path image = image(5000);
        MicroreachHome home = new MicroreachHome(tmp.resolve("home")).create();
        Files.createDirectories(home.databaseDirectory());
        Files.writeString(home.databaseDirectory().resolve("PG_VERSION"), "mine");

        assertThat(DemoImage.seed(home, image, 5000)).isFalse();

        assertThat(home.databaseDirectory().resolve("PG_VERSION")).hasContent("mine");
        assertThat(home.root().resolve("search")).doesNotExist();
    }

    @Test
    void anImageThatIsRunningUnfinishedOfAnotherSizeOrIncompleteIsNotUsed() throws IOException {
        Path image = image(5000);
        MicroreachHome home = new MicroreachHome(tmp.resolve("home"));

        assertThat(DemoImage.seed(home, image, 50)).as("another demo size").isFalse();
        assertThat(DemoImage.unusable(image, 50)).contains("it holds 5000 demo creators, not 50");

        Files.writeString(image.resolve("pgdata/postmaster.pid"), "123");
        assertThat(DemoImage.seed(home, image, 5000)).as("server running").isFalse();
        Files.delete(image.resolve("pgdata/postmaster.pid"));

        Files.delete(image.resolve("demo-data/" + DemoImage.STAMP));
        assertThat(DemoImage.seed(home, image, 5000)).as("demo load unfinished").isFalse();

        assertThat(DemoImage.seed(home, tmp.resolve("nowhere"), 5000)).isFalse();
        assertThat(home.databaseDirectory()).doesNotExist();
    }

    @Test
    void aCopyCutShortIsMadeAgainAndAHomeIsNotItsOwnImage() throws IOException {
        Path image = image(5000);
        MicroreachHome home = new MicroreachHome(tmp.resolve("home")).create();
        Files.createDirectories(home.root().resolve("pgdata.copying/base"));
        Files.writeString(home.root().resolve("pgdata.copying/base/half"), "x");
        Files.createDirectories(home.root().resolve("search/index-0"));

        assertThat(DemoImage.seed(home, image, 5000)).isTrue();

        assertThat(home.databaseDirectory().resolve("base/half")).doesNotExist();
        assertThat(home.root().resolve("search/index-0")).doesNotExist();
        assertThat(home.root().resolve("pgdata.copying")).doesNotExist();
        assertThat(DemoImage.seed(new MicroreachHome(image), image, 5000)).isFalse();
    }
}
