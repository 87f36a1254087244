namespace Paperboy.Search.Analysis;

/// <summary>A word found in text: where it is (char offsets, for highlighting) and its ordinal.</summary>
internal readonly record struct Token(int Start, int End, int Position)
{
    public int Length => End - Start;
}
