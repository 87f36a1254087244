namespace Paperboy.Application.Evaluation;

/// <summary>The result of `paperboy eval --queries`: overall means and the same per query style.</summary>
public sealed record QuerySetReport(QuerySetScores Overall, IReadOnlyDictionary<string, QuerySetScores> ByStyle);
