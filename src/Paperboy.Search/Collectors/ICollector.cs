namespace Paperboy.Search.Collectors;

/// <summary>Receives every match of a search, in doc id order.</summary>
internal interface ICollector
{
    void Collect(int doc, double score);
}
