namespace Paperboy.Application.Searching;

/// <summary>Why a paper is in the results: its words matched the query, its meaning is close to it, or both.</summary>
public enum SearchMatch
{
    Words,
    Meaning,
    WordsAndMeaning,
}
