namespace Paperboy.Core.Papers;

/// <summary>
/// The merge rules every store applies when a paper arrives that it already holds (docs/STORE.md):
/// <list type="number">
/// <item>A record that knows the arXiv id outranks one known by title only: a title-only record
/// never overwrites an arXiv record, it only fills fields the arXiv record lacks; an arXiv record
/// that matches a title-only one takes it over, id included.</item>
/// <item>Between records of the same rank, an older version never overwrites a newer one
/// (it only fills empty fields); the same or a newer version replaces every field it supplies.</item>
/// <item>Fields a record leaves empty keep what is stored; versions are united; the earliest
/// first-seen date wins; each replaced field records the source that supplied it.</item>
/// <item>Engagement (upvotes, comments, trending date) is owned by the community source that reports
/// it, whatever the rank: the report with the later <see cref="PaperEngagement.ReportedAt"/> wins,
/// and a record without engagement keeps what is stored.</item>
/// </list>
/// </summary>
public static class PaperMerger
{
    public static Paper Merge(Paper stored, Paper incoming)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);

        bool incomingWins = IncomingWins(stored, incoming);
        var (winner, loser) = incomingWins ? (incoming, stored) : (stored, incoming);

        var sources = new Dictionary<string, string>(loser.FieldSources, StringComparer.Ordinal);
        foreach (var (field, source) in winner.FieldSources)
        {
            sources[field] = source;
        }

        return new Paper
        {
            Id = winner.ArxivId is not null ? winner.Id : loser.ArxivId is not null ? loser.Id : winner.Id,
            ArxivId = winner.ArxivId ?? loser.ArxivId,
            Versions = MergeVersions(stored.Versions, incoming.Versions),
            Title = PickText(winner.Title, loser.Title),
            TitleRaw = PickText(winner.TitleRaw, loser.TitleRaw),
            Authors = Pick(winner.Authors, loser.Authors),
            Abstract = PickText(winner.Abstract, loser.Abstract),
            AbstractRaw = PickText(winner.AbstractRaw, loser.AbstractRaw),
            Categories = Pick(winner.Categories, loser.Categories),
            Published = winner.Published ?? loser.Published,
            Updated = winner.Updated ?? loser.Updated,
            FirstSeen = Earliest(stored.FirstSeen, incoming.FirstSeen),
            Doi = Pick(winner.Doi, loser.Doi),
            JournalRef = Pick(winner.JournalRef, loser.JournalRef),
            Comments = Pick(winner.Comments, loser.Comments),
            CodeLinks = Pick(winner.CodeLinks, loser.CodeLinks),
            Withdrawn = incomingWins ? incoming.Withdrawn : stored.Withdrawn,
            Engagement = NewerEngagement(stored.Engagement, incoming.Engagement),
            FieldSources = sources,
        };
    }

    private static bool IncomingWins(Paper stored, Paper incoming)
    {
        bool storedKnowsArxiv = stored.ArxivId is not null;
        bool incomingKnowsArxiv = incoming.ArxivId is not null;
        if (storedKnowsArxiv != incomingKnowsArxiv)
        {
            return incomingKnowsArxiv;
        }
        return incoming.LatestVersion >= stored.LatestVersion;
    }

    private static string PickText(string winner, string loser) => string.IsNullOrWhiteSpace(winner) ? loser : winner;

    private static string? Pick(string? winner, string? loser) => string.IsNullOrWhiteSpace(winner) ? loser : winner;

    private static IReadOnlyList<T> Pick<T>(IReadOnlyList<T> winner, IReadOnlyList<T> loser) => winner.Count == 0 ? loser : winner;

    private static PaperEngagement? NewerEngagement(PaperEngagement? stored, PaperEngagement? incoming) =>
        incoming is null ? stored
        : stored is null ? incoming
        : (incoming.ReportedAt ?? DateTimeOffset.MaxValue) >= (stored.ReportedAt ?? DateTimeOffset.MinValue) ? incoming
        : stored;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static List<PaperVersion> MergeVersions(IReadOnlyList<PaperVersion> a, IReadOnlyList<PaperVersion> b) =>
        a.Concat(b)
            .GroupBy(v => v.Number)
            .Select(g => g.FirstOrDefault(v => v.Submitted is not null) ?? g.First())
            .OrderBy(v => v.Number)
            .ToList();
}
