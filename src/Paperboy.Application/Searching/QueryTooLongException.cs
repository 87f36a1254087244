namespace Paperboy.Application.Searching;

/// <summary>A query longer than any person types; the API answers 400 and the CLI exits 2.</summary>
public sealed class QueryTooLongException(int length, int limit)
    : ArgumentException($"search: the query has {length} characters; at most {limit} are accepted")
{
    public int Length { get; } = length;
    public int Limit { get; } = limit;
}
