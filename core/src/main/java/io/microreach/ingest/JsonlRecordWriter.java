package io.microreach.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.microreach.domain.Account;
import io.microreach.domain.Captions;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Post;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * Writes records in the JSONL import format, one object per line, omitting absent values. The generator and the
 * real-data adapters write through this class so that what they produce is exactly what the importer reads.
 */
public final class JsonlRecordWriter implements Closeable, Flushable {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;

    public JsonlRecordWriter(Writer out) {
        try {
            this.json = FACTORY.createGenerator(out);
            json.setRootValueSeparator(new SerializedString("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(DataRecord record) {
        try {
            json.writeStartObject();
            json.writeStringField("type", record.type().id());
            json.writeStringField("platform", record.platform().id());
            switch (record.type()) {
                case ACCOUNT -> account((Account) record);
                case POST -> post((Post) record);
                case COMMENT -> comment((Comment) record);
                case FOLLOWER_SAMPLE -> sample((FollowerSample) record);
                case FOLLOW_EDGE -> edge((FollowEdge) record);
                case FOLLOWER_COUNT -> count((FollowerCount) record);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void account(Account a) throws IOException {
        str("id", a.platformId());
        str("handle", a.handle());
        str("display_name", a.displayName());
        str("bio", a.bio());
        str("country", a.country());
        str("language", a.language());
        json.writeNumberField("followers", a.followers());
        num("following", a.following());
        num("posts_count", a.postsCount());
        if (a.verified()) {
            json.writeBooleanField("verified", true);
        }
        if (a.business()) {
            json.writeBooleanField("is_business", true);
        }
        if (a.creatorAccount()) {
            json.writeBooleanField("is_creator", true);
        }
        str("external_url", a.externalUrl());
        str("email", a.contactEmail());
        str("creator", a.creatorKey());
        time("observed_at", a.observedAt());
    }

    private void post(Post p) throws IOException {
        str("id", p.platformId());
        str("account_id", p.accountPlatformId());
        time("published_at", p.publishedAt());
        str("format", p.format().id());
        str("caption", p.caption());
        // An empty list is left out unless the reader would then take tags from the caption instead.
        list("hashtags", p.hashtags(), !Captions.hashtags(p.caption()).isEmpty());
        list("mentions", p.mentions(), !Captions.mentions(p.caption()).isEmpty());
        num("likes", p.likes());
        num("comments", p.comments());
        num("shares", p.shares());
        num("saves", p.saves());
        num("views", p.views());
        num("followers_at_post", p.followersAtPost());
        bool("paid_partnership", p.paidPartnership());
        str("url", p.url());
    }

    private void comment(Comment c) throws IOException {
        str("id", c.platformId());
        str("post_id", c.postPlatformId());
        str("author_id", c.authorPlatformId());
        str("author_handle", c.authorHandle());
        json.writeStringField("text", c.text());
        time("created_at", c.createdAt());
        str("parent_id", c.parentPlatformId());
        num("likes", c.likes());
    }

    private void sample(FollowerSample s) throws IOException {
        str("account_id", s.accountPlatformId());
        str("follower_id", s.followerPlatformId());
        str("handle", s.handle());
        str("full_name", s.fullName());
        str("bio", s.bio());
        num("followers", s.followers());
        num("following", s.following());
        num("posts_count", s.postsCount());
        bool("has_profile_pic", s.hasProfilePic());
        bool("is_private", s.privateAccount());
        bool("verified", s.verified());
        str("external_url", s.externalUrl());
        time("sampled_at", s.sampledAt());
    }

    private void edge(FollowEdge e) throws IOException {
        str("account_id", e.accountPlatformId());
        str("source_id", e.sourceId());
        str("target_id", e.targetId());
    }

    private void count(FollowerCount c) throws IOException {
        str("account_id", c.accountPlatformId());
        str("date", c.date().toString());
        json.writeNumberField("followers", c.followers());
    }

    private void str(String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private void num(String field, Long value) throws IOException {
        if (value != null) {
            json.writeNumberField(field, value);
        }
    }

    private void bool(String field, Boolean value) throws IOException {
        if (value != null) {
            json.writeBooleanField(field, value);
        }
    }

    private void time(String field, Instant value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value.toString());
        }
    }

    private void list(String field, List<String> values, boolean evenEmpty) throws IOException {
        if (values != null && (evenEmpty || !values.isEmpty())) {
            json.writeArrayFieldStart(field);
            for (String v : values) {
                json.writeString(v);
            }
            json.writeEndArray();
        }
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    /** Ends the last line with a newline and closes the underlying writer. */
    @Override
    public void close() throws IOException {
        json.writeRaw('\n');
        json.close();
    }
}
