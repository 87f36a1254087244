using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Core.Papers;

/// <summary>
/// A hash of everything a source can say about a paper (not the local first-seen date), so a store
/// can tell "the same paper again" from "a changed paper" without comparing field by field.
/// </summary>
public static class PaperFingerprint
{
    private const char Separator = '\u001f';

    public static string Of(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value).Append(Separator);
        void AddList(IEnumerable<string> values) => Add(string.Join('\u001e', values));

        Add(paper.Id);
        Add(paper.ArxivId);
        AddList(paper.Versions.Select(v => $"{v.Number}@{v.Submitted?.ToString("O", CultureInfo.InvariantCulture)}"));
        Add(paper.Title);
        Add(paper.TitleRaw);
        AddList(paper.Authors);
        Add(paper.Abstract);
        Add(paper.AbstractRaw);
        AddList(paper.Categories);
        Add(paper.Published?.ToString("O", CultureInfo.InvariantCulture));
        Add(paper.Updated?.ToString("O", CultureInfo.InvariantCulture));
        Add(paper.Doi);
        Add(paper.JournalRef);
        Add(paper.Comments);
        AddList(paper.CodeLinks);
        Add(paper.Withdrawn ? "withdrawn" : "");
        if (paper.Engagement is { } e)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"{e.Upvotes}|{e.Comments}|{e.TrendingDate:yyyy-MM-dd}|{e.SubmittedBy}|{e.ReportedAt:O}"));
            AddList(e.Keywords);
        }
        AddList(paper.FieldSources.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
