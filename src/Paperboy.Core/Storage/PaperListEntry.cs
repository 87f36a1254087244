namespace Paperboy.Core.Storage;

/// <summary>
/// What a dated list needs of a paper, without the paper itself: the day it is listed on, its
/// imported upvotes, when its first version appeared and its categories. A list ranks and counts these,
/// then loads only the page of papers it shows.
/// </summary>
/// <param name="Day">The list day: the community trending date, else the first version's date, else the day this installation first stored it.</param>
/// <param name="Upvotes">Upvotes reported by a community source (0 when none reported).</param>
/// <param name="Published">When version 1 appeared, or null when no source said.</param>
public sealed record PaperListEntry(string Id, DateOnly Day, int Upvotes, DateTimeOffset? Published, IReadOnlyList<string> Categories);
