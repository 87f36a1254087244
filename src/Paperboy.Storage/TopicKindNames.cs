using Paperboy.Core.Subscriptions;

namespace Paperboy.Storage;

/// <summary>How a subscription topic's kind is written in `subscriber_topics.kind`, the same in SQLite and PostgreSQL.</summary>
internal static class TopicKindNames
{
    public static string Name(TopicKind kind) => kind switch
    {
        TopicKind.Category => "category",
        TopicKind.Query => "query",
        TopicKind.Author => "author",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "store: unknown topic kind"),
    };

    public static TopicKind Parse(string name) => name switch
    {
        "category" => TopicKind.Category,
        "query" => TopicKind.Query,
        "author" => TopicKind.Author,
        _ => throw new InvalidOperationException($"store: unknown topic kind '{name}' in subscriber_topics"),
    };
}
