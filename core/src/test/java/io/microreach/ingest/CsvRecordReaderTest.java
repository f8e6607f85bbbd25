package io.microreach.ingest;

import static io.microreach.ingest.Inputs.readAll;
import static io.microreach.ingest.Inputs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.domain.RecordType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRecordReaderTest {
    @TempDir
    Path dir;

    private List<ParsedLine> read(String content) throws Exception {
        return readAll(write(dir, "in.csv", content));
    }

    private static DataRecord record(ParsedLine line) {
        assertThat(line).isInstanceOf(ParsedLine.Parsed.class);
        return ((ParsedLine.Parsed) line).record();
    }

    private static ParsedLine.Rejected rejected(ParsedLine line) {
        assertThat(line).isInstanceOf(ParsedLine.Rejected.class);
        return (ParsedLine.Rejected) line;
    }

    @Test
    void accountsFileWithAllFields() throws Exception {
        List<ParsedLine> lines = read("platform,id,handle,display_name,bio,country,language,followers,following,"
                + "posts_count,verified,is_business,is_creator,external_url,email,creator,observed_at\n"
                + "instagram,1784,@greenglow.lena,Lena Grün,\"Naturkosmetik, DIY\",de,DE,12400,610,321,true,yes,1,"
                + "https://lena.example,lena@example.org,lena-1,2026-03-01T19:30:00+01:00\n");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).line()).isEqualTo(2);
        assertThat(record(lines.get(0)))
                .isEqualTo(new Account(
                        Platform.INSTAGRAM,
                        "1784",
                        "greenglow.lena",
                        "Lena Grün",
                        "Naturkosmetik, DIY",
                        "DE",
                        "de",
                        12400,
                        610L,
                        321L,
                        true,
                        true,
                        true,
                        "https://lena.example",
                        "lena@example.org",
                        "lena-1",
                        Instant.parse("2026-03-01T18:30:00Z")));
    }

    @Test
    void postsFileWithAllFields() throws Exception {
        List<ParsedLine> lines = read("platform,id,account_id,published_at,format,caption,hashtags,mentions,likes,"
                + "comments,shares,saves,views,followers_at_post,paid_partnership,url\n"
                + "tiktok,C1a,1784,2026-03-01T18:30:00Z,reel,\"3 tips, #ignored\",#CleanBeauty|diy,@Mia tom,820,41,"
                + "3,7,15300,12000,no,https://t.example/C1a\n");
        assertThat(lines).hasSize(1);
        assertThat(record(lines.get(0)))
                .isEqualTo(new Post(
                        Platform.TIKTOK,
                        "C1a",
                        "1784",
                        Instant.parse("2026-03-01T18:30:00Z"),
                        PostFormat.REEL,
                        "3 tips, #ignored",
                        List.of("cleanbeauty", "diy"),
                        List.of("mia", "tom"),
                        820L,
                        41L,
                        3L,
                        7L,
                        15300L,
                        12000L,
                        false,
                        "https://t.example/C1a"));
    }

    @Test
    void columnOrderIsFreeAndUnknownColumnsAreIgnored() throws Exception {
        List<ParsedLine> lines =
                read("followers,notes,handle,id,platform,rank\n" + "500,\"some, note\",mia,9,twitter,3\n");
        assertThat(record(lines.get(0)))
                .isEqualTo(new Account(
                        Platform.TWITTER,
                        "9",
                        "mia",
                        null,
                        null,
                        null,
                        null,
                        500,
                        null,
                        null,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void headersAreCaseInsensitiveAndTrimmed() throws Exception {
        List<ParsedLine> lines = read("Platform, ID ,HANDLE,Followers,Is_Business\n" + "Instagram,1,h,10,TRUE\n");
        Account a = (Account) record(lines.get(0));
        assertThat(a.platform()).isEqualTo(Platform.INSTAGRAM);
        assertThat(a.platformId()).isEqualTo("1");
        assertThat(a.followers()).isEqualTo(10);
        assertThat(a.business()).isTrue();
    }

    @Test
    void aByteOrderMarkAtTheStartIsIgnored() throws Exception {
        List<ParsedLine> lines = read("\uFEFFplatform,id,handle,followers\ninstagram,1,h,10\n");
        Account a = (Account) record(lines.get(0));
        assertThat(a.platform()).isEqualTo(Platform.INSTAGRAM);
        // the BOM must also not hide a posts file's first column
        lines = read("\uFEFFpublished_at,platform,id,account_id,format\n2026-03-01T18:30:00Z,instagram,p,1,photo\n");
        assertThat(((Post) record(lines.get(0))).publishedAt()).isEqualTo(Instant.parse("2026-03-01T18:30:00Z"));
    }

    @Test
    void quotedFieldsWithCommasQuotesAndNewlines() throws Exception {
        List<ParsedLine> lines = read("platform,id,account_id,published_at,format,caption\n"
                + "instagram,p1,1,2026-03-01T18:30:00Z,photo,\"line one, still one\nline \"\"two\"\" #Tag\"\n"
                + "instagram,p2,1,2026-03-01T18:30:00Z,photo,plain\n"
                + "instagram,p3,1,2026-03-01T18:30:00Z,gif,x\n");
        assertThat(lines).hasSize(3);
        Post p1 = (Post) record(lines.get(0));
        assertThat(p1.caption()).isEqualTo("line one, still one\nline \"two\" #Tag");
        assertThat(p1.hashtags()).containsExactly("tag");
        assertThat(lines.get(0).line()).isEqualTo(2);
        // the quoted newline makes the first record span lines 2 and 3
        assertThat(lines.get(1).line()).isEqualTo(4);
        assertThat(rejected(lines.get(2)).rejection().line()).isEqualTo(5);
        assertThat(rejected(lines.get(2)).rejection().field()).isEqualTo("format");
    }

    @Test
    void emptyCellsMeanAbsent() throws Exception {
        List<ParsedLine> lines = read("platform,id,account_id,published_at,format,caption,hashtags,mentions,likes,"
                + "views,paid_partnership,url\n"
                + "instagram,p1,1,2026-03-01T18:30:00Z,photo,#fromcaption @mia,,,,,,\n"
                + "instagram,p2,1,2026-03-01T18:30:00Z,photo,\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n");
        Post p1 = (Post) record(lines.get(0));
        assertThat(p1.hashtags()).containsExactly("fromcaption");
        assertThat(p1.mentions()).containsExactly("mia");
        assertThat(p1.likes()).isNull();
        assertThat(p1.views()).isNull();
        assertThat(p1.paidPartnership()).isNull();
        assertThat(p1.url()).isNull();
        Post p2 = (Post) record(lines.get(1));
        assertThat(p2.caption()).isNull();
        assertThat(p2.hashtags()).isEmpty();
        assertThat(p2.likes()).isNull();
    }

    @Test
    void anEmptyRequiredCellIsRejectedNamingTheField() throws Exception {
        List<ParsedLine> lines = read("platform,id,handle,followers\ninstagram,,h,10\ninstagram,2,h,\n,3,h,1\n");
        assertThat(lines)
                .extracting(l -> rejected(l).rejection().field())
                .containsExactly("id", "followers", "platform");
        assertThat(lines).extracting(ParsedLine::line).containsExactly(2L, 3L, 4L);
        assertThat(lines).allMatch(l -> ((ParsedLine.Rejected) l).type() == RecordType.ACCOUNT);
    }

    @Test
    void aHandleOfOnlyAnAtSignIsRejected() throws Exception {
        List<ParsedLine> lines = read("platform,id,handle,followers\ninstagram,1,@,10\ninstagram,2,@mia,10\n");
        assertThat(rejected(lines.get(0)).rejection().field()).isEqualTo("handle");
        assertThat(((Account) record(lines.get(1))).handle()).isEqualTo("mia");
    }

    @Test
    void aShortRowMeansTheMissingCellsAreAbsent() throws Exception {
        List<ParsedLine> lines = read("platform,id,handle,followers,bio\ninstagram,1,h,10\ninstagram,2,h\n");
        assertThat(((Account) record(lines.get(0))).bio()).isNull();
        assertThat(rejected(lines.get(1)).rejection().field()).isEqualTo("followers");
    }

    @ParameterizedTest
    @CsvSource({
        "true,true",
        "false,false",
        "1,true",
        "0,false",
        "yes,true",
        "no,false",
        "TRUE,true",
        "No,false",
        "' yes ',true"
    })
    void booleans(String cell, boolean expected) throws Exception {
        List<ParsedLine> lines = read("platform,id,handle,followers,verified\ninstagram,1,h,10," + cell + "\n");
        assertThat(((Account) record(lines.get(0))).verified()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "maybe", "-1", "ja", "t rue"})
    void aBadBooleanIsRejected(String cell) throws Exception {
        List<ParsedLine> lines = read("platform,id,handle,followers,verified\ninstagram,1,h,10," + cell + "\n");
        ParsedLine.Rejected r = rejected(lines.get(0));
        assertThat(r.rejection().field()).isEqualTo("verified");
        assertThat(r.rejection().line()).isEqualTo(2);
    }

    @Test
    void hashtagsAndMentionsAreSplitOnSpacesPipesAndCommas() throws Exception {
        List<ParsedLine> lines = read("platform,id,account_id,published_at,format,hashtags,mentions\n"
                + "instagram,p1,1,2026-03-01T18:30:00Z,photo,\"#Beauty skin|DIY,#öko , beauty\",\"@Mia|@tom, lena\"\n");
        Post p = (Post) record(lines.get(0));
        assertThat(p.hashtags()).containsExactly("beauty", "skin", "diy", "öko");
        assertThat(p.mentions()).containsExactly("mia", "tom", "lena");
    }

    @Test
    void aBadNumberIsRejectedWithThePhysicalLineNumber() throws Exception {
        List<ParsedLine> lines = read("platform,id,handle,followers\n"
                + "instagram,1,h,10\n"
                + "instagram,2,h,12k\n"
                + "instagram,3,\"multi\nline\",1\n"
                + "instagram,4,h,1.5\n"
                + "instagram,5,h,-3\n"
                + "instagram,6,h,\"1,000\"\n");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isInstanceOf(ParsedLine.Parsed.class);
        assertThat(rejected(lines.get(1)).rejection().line()).isEqualTo(3);
        assertThat(rejected(lines.get(1)).rejection().field()).isEqualTo("followers");
        assertThat(rejected(lines.get(1)).rejection().reason()).contains("12k");
        assertThat(lines.get(2).line()).isEqualTo(4);
        assertThat(rejected(lines.get(3)).rejection().line()).isEqualTo(6);
        assertThat(rejected(lines.get(4)).rejection().line()).isEqualTo(7);
        assertThat(rejected(lines.get(4)).rejection().field()).isEqualTo("followers");
        assertThat(rejected(lines.get(5)).rejection().line()).isEqualTo(8);
    }

    @Test
    void lineNumbersStayPhysicalAcrossBlankLinesAndCrlf() throws Exception {
        List<ParsedLine> lines = read("platform,id,handle,followers\r\n"
                + "instagram,1,h,10\r\n"
                + "\r\n"
                + "\r\n"
                + "instagram,2,h,x\r\n"
                + "instagram,3,h,y\r\n"
                + "\r\n\n");
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(ParsedLine::line).containsExactly(2L, 5L, 6L);
        assertThat(((Account) record(lines.get(0))).followers()).isEqualTo(10);
    }

    @Test
    void anUnterminatedQuoteStopsTheFileWithAnErrorNamingItAndTheLine() throws Exception {
        Path file = write(dir, "broken.csv", "platform,id,handle,followers\ninstagram,1,h,10\ninstagram,\"2,h,10\n");
        try (RecordSource source = InputFiles.open(file)) {
            assertThat(source.hasNext()).isTrue();
            assertThat(source.next()).isInstanceOf(ParsedLine.Parsed.class);
            assertThatThrownBy(source::hasNext)
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("broken.csv")
                    .hasMessageContaining("line 2");
            assertThat(source.hasNext()).isFalse();
        }
    }

    @Test
    void postsAreRecognisedByPublishedAtEvenWithHandleAndFollowers() throws Exception {
        List<ParsedLine> lines = read("platform,id,account_id,published_at,format,handle,followers\n"
                + "instagram,p1,1,2026-03-01T18:30:00Z,photo,h,10\n");
        assertThat(record(lines.get(0))).isInstanceOf(Post.class);
    }

    @Test
    void badTimestampInAPostsFileIsRejected() throws Exception {
        List<ParsedLine> lines =
                read("platform,id,account_id,published_at,format\n" + "instagram,p1,1,2026-03-01 18:30,photo\n");
        ParsedLine.Rejected r = rejected(lines.get(0));
        assertThat(r.rejection().field()).isEqualTo("published_at");
        assertThat(r.type()).isEqualTo(RecordType.POST);
    }

    @Test
    void aHeaderOnlyFileHasNoLines() throws Exception {
        assertThat(read("platform,id,handle,followers\n")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "platform,id,handle\ninstagram,1,h\n",
                "platform,id,followers\ninstagram,1,10\n",
                "a,b,c\n1,2,3\n",
                "instagram,1,h,10\n",
                "type,platform,account_id,date,followers\nfollower_count,instagram,1,2026-03-01,5\n"
            })
    void aHeaderThatMatchesNeitherFormatMakesTheFileUnusable(String content) {
        Path file = write(dir, "odd.csv", content);
        assertThatThrownBy(() -> InputFiles.open(file))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("odd.csv")
                .hasMessageNotContaining("\n");
    }
}
