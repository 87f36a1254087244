namespace Paperboy.Application.Evaluation;

/// <summary>The result of `paperboy eval --collection`: means over every judged query.</summary>
public sealed record CollectionReport(int Queries, double Ndcg10, double Map, double Mrr10, double Recall100)
{
    public static CollectionReport Mean(IReadOnlyList<CollectionScores> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Count == 0
            ? new CollectionReport(0, 0, 0, 0, 0)
            : new CollectionReport(
                scores.Count,
                scores.Average(s => s.Ndcg10),
                scores.Average(s => s.AveragePrecision),
                scores.Average(s => s.Mrr10),
                scores.Average(s => s.Recall100));
    }
}
