namespace Paperboy.Application.Evaluation;

/// <summary>Mean scores over a group of queries (all of them, or one style).</summary>
public sealed record QuerySetScores(int Queries, double Mrr, double Ndcg, double Recall)
{
    public static QuerySetScores Mean(IReadOnlyList<QueryScores> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Count == 0
            ? new QuerySetScores(0, 0, 0, 0)
            : new QuerySetScores(scores.Count, scores.Average(s => s.Mrr), scores.Average(s => s.Ndcg), scores.Average(s => s.Recall));
    }
}
