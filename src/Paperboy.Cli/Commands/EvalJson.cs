using System.Globalization;
using Paperboy.Application.Evaluation;

namespace Paperboy.Cli.Commands;

/// <summary>
/// The JSON shapes of `paperboy eval` (docs/CLI.md). Measure names carry their cutoff ("mrr@10"),
/// so they are dictionaries rather than records. Figures are rounded to four places.
/// </summary>
public static class EvalJson
{
    public static Dictionary<string, object> From(QuerySetReport report, int limit)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = Figures(report.Overall, limit);
        figures["by_style"] = report.ByStyle.ToDictionary(p => p.Key, p => Figures(p.Value, limit), StringComparer.Ordinal);
        return figures;
    }

    public static Dictionary<string, object> From(CollectionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["queries"] = report.Queries,
            ["ndcg@10"] = Round(report.Ndcg10),
            ["map"] = Round(report.Map),
            ["mrr@10"] = Round(report.Mrr10),
            ["recall@100"] = Round(report.Recall100),
        };
    }

    /// <summary>The figures with the ranking mode they were measured in, first.</summary>
    public static Dictionary<string, object> WithMode(Dictionary<string, object> figures, Paperboy.Application.Semantic.SearchMode mode)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var result = new Dictionary<string, object>(StringComparer.Ordinal) { ["mode"] = Paperboy.Application.Semantic.SearchModeNames.Name(mode) };
        foreach (var (name, value) in figures)
        {
            result[name] = value;
        }
        return result;
    }

    public static string Show(object value) => value switch
    {
        double d => d.ToString("F4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static Dictionary<string, object> Figures(QuerySetScores scores, int limit) => new(StringComparer.Ordinal)
    {
        ["queries"] = scores.Queries,
        [$"mrr@{limit}"] = Round(scores.Mrr),
        [$"ndcg@{limit}"] = Round(scores.Ndcg),
        [$"recall@{limit}"] = Round(scores.Recall),
    };

    private static double Round(double value) => Math.Round(value, 4);
}
