using Paperboy.Core.Papers;

namespace Paperboy.Web.Feeds;

/// <summary>
/// What an Atom feed says: its title, the page it mirrors (whose absolute URL is also its id, RFC 4287
/// §4.2.6 allows any IRI that stays the same), its own URL, and the papers it lists in order.
/// </summary>
public sealed record AtomFeed(string Title, string PagePath, string SelfPath, IReadOnlyList<Paper> Papers);
