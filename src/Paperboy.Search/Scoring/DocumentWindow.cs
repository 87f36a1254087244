namespace Paperboy.Search.Scoring;

/// <summary>
/// A run of documents scored or counted together (<see cref="MaxScoreBulkScorer"/>,
/// <see cref="Collectors.MatchCounter"/>): a positive multiple of 64, so that its bits fill whole
/// 64-bit words and a window starts on a word of a segment's bit sets.
/// </summary>
internal static class DocumentWindow
{
    public static void Require(int window)
    {
        if (window <= 0 || window % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "a window is a positive multiple of 64 documents");
        }
    }
}
