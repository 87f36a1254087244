using Paperboy.Application.Library;

namespace Paperboy.Application.Contracts;

/// <summary>A saved paper in the JSON API and the JSON export: the reader's tags and note, and the paper (null if the store lost it).</summary>
public sealed record LibraryItemResource(string PaperId, DateTimeOffset Saved, IReadOnlyList<string> Tags, string Note, PaperResource? Paper)
{
    public static LibraryItemResource From(LibraryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var item = entry.Item;
        return new LibraryItemResource(item.PaperId, item.Saved, item.Tags, item.Note, entry.Paper is null ? null : PaperResource.From(entry.Paper));
    }
}

/// <summary>A library as exported to JSON: when, and the entries.</summary>
public sealed record LibraryExportResource(DateTimeOffset Exported, IReadOnlyList<LibraryItemResource> Items)
{
    public static LibraryExportResource From(IEnumerable<LibraryEntry> entries, DateTimeOffset now) =>
        new(now, entries.Select(LibraryItemResource.From).ToList());
}

/// <summary>The report of an import of arXiv ids (see <see cref="LibraryImportReport"/>).</summary>
public sealed record LibraryImportResource(IReadOnlyList<string> Saved, IReadOnlyList<string> AlreadySaved, IReadOnlyList<string> Unknown, IReadOnlyList<string> Invalid)
{
    public static LibraryImportResource From(LibraryImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Saved, report.AlreadySaved, report.Unknown, report.Invalid);
    }
}
