namespace Paperboy.Application.Lists;

/// <summary>How long a dated list's period is.</summary>
public enum ListKind
{
    Daily,

    /// <summary>An ISO 8601 week, Monday to Sunday.</summary>
    Weekly,

    Monthly,
}

/// <summary>The names of list kinds in URLs and JSON.</summary>
public static class ListKindNames
{
    public static readonly IReadOnlyList<string> All = ["daily", "weekly", "monthly"];

    public static string Name(ListKind kind) => kind switch
    {
        ListKind.Weekly => "weekly",
        ListKind.Monthly => "monthly",
        _ => "daily",
    };

    public static bool TryParse(string? name, out ListKind kind)
    {
        switch ((name ?? "").Trim().ToLowerInvariant())
        {
            case "daily":
                kind = ListKind.Daily;
                return true;
            case "weekly":
                kind = ListKind.Weekly;
                return true;
            case "monthly":
                kind = ListKind.Monthly;
                return true;
            default:
                kind = ListKind.Daily;
                return false;
        }
    }
}
