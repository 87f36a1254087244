using Paperboy.Search.Analysis;

namespace Paperboy.Search.Indexing;

internal static class Fields
{
    public const int Count = 3;

    public static readonly Field[] All = [Field.Title, Field.Abstract, Field.Authors];

    // Separates authors in the authors field so a phrase never spans two people.
    public const int AuthorPositionGap = 100;

    public static Analyzer AnalyzerFor(Field field) => field == Field.Authors ? Analyzer.Names : Analyzer.English;

    public static string Name(Field field) => field switch
    {
        Field.Title => "title",
        Field.Abstract => "abs",
        _ => "author",
    };
}
