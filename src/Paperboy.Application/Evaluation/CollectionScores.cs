namespace Paperboy.Application.Evaluation;

/// <summary>One query's scores in a test-collection evaluation.</summary>
public sealed record CollectionScores(double Ndcg10, double AveragePrecision, double Mrr10, double Recall100);
