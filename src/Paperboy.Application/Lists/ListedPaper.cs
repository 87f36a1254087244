using Paperboy.Core.Papers;

namespace Paperboy.Application.Lists;

/// <summary>A paper on a list: its upvotes (imported plus local), whether it is new, and its trending score.</summary>
/// <param name="IsNew">Its first version appeared on the list's last day or the day before (<see cref="PaperListService.NewWithinDays"/>).</param>
public sealed record ListedPaper(Paper Paper, DateOnly Day, int Upvotes, bool IsNew, double Trending);
