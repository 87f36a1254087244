using System.Globalization;

namespace Paperboy.Ingest.Synthetic;

/// <summary>
/// One benchmark query, kept structured so a peer engine can translate it into its own syntax;
/// <see cref="Text"/> is the Paperboy query syntax (docs/SEARCH.md).
/// </summary>
public sealed record SyntheticQuery(
    SyntheticQueryKind Kind,
    IReadOnlyList<string> Terms,
    string? Category = null,
    int? YearFrom = null,
    int? YearTo = null)
{
    public string Text => Kind switch
    {
        SyntheticQueryKind.TwoTermAnd => string.Join(" AND ", Terms),
        SyntheticQueryKind.Phrase => $"\"{string.Join(' ', Terms)}\"",
        SyntheticQueryKind.CategoryFilter or SyntheticQueryKind.CategoryFilterOr => $"cat:{Category} {string.Join(' ', Terms)}",
        SyntheticQueryKind.YearFilter => string.Create(CultureInfo.InvariantCulture, $"{string.Join(' ', Terms)} year:{YearFrom}..{YearTo}"),
        _ => string.Join(' ', Terms),
    };

    public override string ToString() => Text;
}
