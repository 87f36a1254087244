using Paperboy.Application.Searching;
using Paperboy.Core.Papers;

namespace Paperboy.Application.Browsing;

/// <summary>A paper and the papers most like it.</summary>
public sealed record PaperPage(Paper Paper, IReadOnlyList<PaperHit> Similar);
