using Paperboy.Search.Collectors;

namespace Paperboy.Search.Tests.Collectors;

public class SharedFloorTests
{
    [Fact]
    public void The_floor_keeps_the_highest_score_any_thread_raises_it_to()
    {
        var floor = new SharedFloor();
        Assert.Equal(double.NegativeInfinity, floor.Score);
        var scores = Enumerable.Range(0, 10_000).Select(i => (i * 7919 % 10_007) / 100.0).ToArray();
        Parallel.ForEach(scores, new ParallelOptions { MaxDegreeOfParallelism = 4 }, floor.Raise);
        Assert.Equal(scores.Max(), floor.Score);
        floor.Raise(1.0);
        Assert.Equal(scores.Max(), floor.Score);
    }

    [Fact]
    public void A_group_prunes_strictly_below_the_floor_and_at_or_below_its_own_score()
    {
        var floor = new SharedFloor();
        Assert.Equal(2.0, floor.Threshold(2.0));
        floor.Raise(3.0);
        // "cannot exceed the threshold" then skips only scores below 3: a tie with another group's
        // k-th may win the merge by its lower id.
        Assert.True(floor.Threshold(2.0) < 3.0);
        Assert.Equal(Math.BitDecrement(3.0), floor.Threshold(2.0));
        Assert.Equal(4.0, floor.Threshold(4.0));
    }
}
