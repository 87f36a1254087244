namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// How many tokens of each text to keep when a pair is too long, by Hugging Face tokenizers'
/// "longest_first" rule: the shorter text keeps all it can, and when both are long the budget is
/// split in half (the longer text gets the odd token).
/// </summary>
internal static class PairTruncation
{
    public static (int First, int Second) Budget(int first, int second, int budget)
    {
        if (first + second <= budget)
            return (first, second);
        var swap = first > second;
        var (shorter, longer) = swap ? (second, first) : (first, second);
        longer = shorter > budget ? shorter : Math.Max(shorter, budget - shorter);
        if (shorter + longer > budget)
        {
            shorter = budget / 2;
            longer = shorter + budget % 2;
        }
        var (keepFirst, keepSecond) = swap ? (longer, shorter) : (shorter, longer);
        return (Math.Min(first, keepFirst), Math.Min(second, keepSecond));
    }
}
