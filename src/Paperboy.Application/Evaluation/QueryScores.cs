namespace Paperboy.Application.Evaluation;

/// <summary>One query's scores in a query-set evaluation.</summary>
public sealed record QueryScores(double Mrr, double Ndcg, double Recall);
