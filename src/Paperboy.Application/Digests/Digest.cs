using Paperboy.Core.Papers;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Digests;

/// <summary>A paper in a digest and why it is there ("matches your search “…”", "new in cs.LG", "by Ada Lovelace", "trending today").</summary>
public sealed record DigestItem(Paper Paper, DateOnly Day, IReadOnlyList<string> Reasons);

/// <summary>One subscriber's digest for one slot: the papers matching their topics, best first, then trending papers.</summary>
public sealed record Digest(Subscriber Subscriber, DigestSlot Slot, IReadOnlyList<DigestItem> Matches, IReadOnlyList<DigestItem> Trending)
{
    public bool IsEmpty => Matches.Count == 0 && Trending.Count == 0;

    public IEnumerable<string> PaperIds => Matches.Concat(Trending).Select(i => i.Paper.Id);
}
