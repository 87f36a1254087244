namespace Paperboy.Storage;

/// <summary>How a copied column is read from SQLite and written to PostgreSQL.</summary>
internal enum ColumnKind
{
    Int64,
    Int32,
    Text,
    Bytes,
    Time,
    // SQLite keeps booleans as 0 or 1 in an INTEGER column; PostgreSQL as boolean.
    Boolean,
    Json,
}

/// <param name="Source">The SQLite expression read for it, when not the column itself.</param>
internal sealed record TableColumn(string Name, ColumnKind Kind, string? Source = null);

/// <summary>One table of the account side, its columns as both stores name them.</summary>
/// <param name="Identity">The identity column whose sequence a copy moves past the highest copied id.</param>
public sealed record AccountTable
{
    internal AccountTable(string name, string? identity, params TableColumn[] columns)
    {
        Name = name;
        Identity = identity;
        Columns = columns;
    }

    public string Name { get; }

    internal string? Identity { get; }

    internal IReadOnlyList<TableColumn> Columns { get; }

    internal string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}

/// <summary>
/// Every table outside the papers and sync state (SQLite migrations 0005, 0007, 0008; PostgreSQL 0003 to
/// 0005), parents before children, so that `paperboy copy` moves an installation whole. Row counts of
/// these tables are part of <see cref="StoreCensus"/>.
/// </summary>
public static class AccountTables
{
    public static IReadOnlyList<AccountTable> All { get; } =
    [
        // The sign-in and subscription link HMAC key: kept, so links mailed before the move still work.
        new("server_secrets", null, Text("name"), new("value", ColumnKind.Bytes), Time("created_at")),
        new("accounts", "id", Int64("id"), Text("email"), Time("created_at"), Time("last_sign_in_at")),
        new("sign_in_tokens", null, Text("token_hash"), Text("email"), Time("created_at"), Time("expires_at"), Time("used_at")),
        new("sessions", null, Text("token_hash"), Int64("account_id"), Time("created_at"), Time("expires_at")),
        new("access_tokens", "id", Int64("id"), Int64("account_id"), Text("name"), Text("token_hash"), Text("hint"), Time("created_at"), Time("last_used_at")),
        new("upvotes", null, Int64("account_id"), Text("paper_id"), Time("created_at")),
        new("library_items", null, Int64("account_id"), Text("paper_id"), Time("saved_at"), Text("note"), Time("note_updated_at")),
        new("library_tags", null, Int64("account_id"), Text("paper_id"), Text("tag")),
        new("follows", null, Int64("account_id"), Text("kind"), Text("key"), Text("label"), Time("created_at")),
        new("subscribers", "id",
            Int64("id"), Text("email"), Int64("account_id"), Text("frequency"), Text("time_zone"), new("hour", ColumnKind.Int32),
            new("trending", ColumnKind.Boolean), new("follows", ColumnKind.Boolean), Time("created_at"), Time("confirmed_at"),
            Text("link_salt"), Text("confirm_salt"), Time("last_digest_at"), Text("last_period")),
        new("subscriber_topics", null, Int64("subscriber_id"), Text("kind"), Text("key"), Text("label"), new("position", ColumnKind.Int32)),
        new("subscriber_papers", null, Int64("subscriber_id"), Text("paper_id"), Time("sent_at")),
        // A message a SQLite sender was in the middle of has no claim PostgreSQL's outbox could carry
        // (its CHECK wants one on every sending row): it is queued again, and its unchanged Message-ID
        // lets a receiver recognise the repeat should the first attempt have got through.
        new("outbox", "id",
            Int64("id"), Text("dedupe_key"), Text("recipient"), Text("subject"), Text("text_body"), Text("html_body"),
            new("headers", ColumnKind.Json), Text("message_id"), Time("queued_at"),
            new("state", ColumnKind.Text, "CASE state WHEN 'sending' THEN 'queued' ELSE state END"),
            new("attempts", ColumnKind.Int32), Time("next_attempt_at"), Time("sent_at"), Text("last_error")),
        new("mail_suppressions", null, Text("address"), Text("reason"), Time("created_at")),
    ];

    private static TableColumn Int64(string name) => new(name, ColumnKind.Int64);

    private static TableColumn Text(string name) => new(name, ColumnKind.Text);

    private static TableColumn Time(string name) => new(name, ColumnKind.Time);
}

/// <summary>How many rows a table holds.</summary>
public sealed record TableCount(string Table, long Rows);
