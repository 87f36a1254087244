namespace Paperboy.Search.Collectors;

/// <summary>Counts matches without keeping them (for "how many" questions).</summary>
internal sealed class CountCollector : ICollector
{
    public int Count { get; private set; }

    public void Collect(int doc, double score) => Count++;
}
