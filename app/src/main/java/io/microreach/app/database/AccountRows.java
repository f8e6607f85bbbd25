package io.microreach.app.database;

import static io.microreach.app.database.SqlColumns.instant;
import static io.microreach.app.database.SqlColumns.nullableLong;
import static io.microreach.app.database.SqlColumns.platform;

import io.microreach.domain.Account;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The columns of an {@link Account} in the {@code account} table (joined with {@code creator} as {@code c} for the
 * creator key) and the one mapping from a row to the record, shared by scoring's loader and the creator page.
 */
public final class AccountRows {
    /** The 17 select-list entries, in the order {@link #read} expects; the table alias must be {@code a}. */
    public static final String COLUMNS = "a.platform, a.platform_id, a.handle, a.display_name, a.bio, a.country,"
            + " a.language, a.followers, a.following, a.posts_count, a.verified, a.is_business, a.is_creator,"
            + " a.external_url, a.contact_email, c.creator_key, a.observed_at";

    /** The join that {@link #COLUMNS} reads the creator key from. */
    public static final String FROM = " FROM account a LEFT JOIN creator c ON c.id = a.creator_id";

    private AccountRows() {}

    /** The account whose {@link #COLUMNS} start at column {@code first} (1-based) of the current row. */
    public static Account read(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new Account(
                platform(rs, i),
                rs.getString(i + 1),
                rs.getString(i + 2),
                rs.getString(i + 3),
                rs.getString(i + 4),
                rs.getString(i + 5),
                rs.getString(i + 6),
                rs.getLong(i + 7),
                nullableLong(rs, i + 8),
                nullableLong(rs, i + 9),
                rs.getBoolean(i + 10),
                rs.getBoolean(i + 11),
                rs.getBoolean(i + 12),
                rs.getString(i + 13),
                rs.getString(i + 14),
                rs.getString(i + 15),
                instant(rs, i + 16));
    }
}
