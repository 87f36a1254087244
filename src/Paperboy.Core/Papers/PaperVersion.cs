namespace Paperboy.Core.Papers;

/// <summary>One arXiv version of a paper: v1, v2, ... with the date it was submitted.</summary>
public sealed record PaperVersion(int Number, DateTimeOffset? Submitted);
