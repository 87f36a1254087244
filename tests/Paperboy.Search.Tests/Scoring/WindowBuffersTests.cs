using Paperboy.Search.Scoring;

namespace Paperboy.Search.Tests.Scoring;

public class WindowBuffersTests
{
    [Fact]
    public void A_thread_reuses_one_set_and_grows_it_for_more_clauses()
    {
        var result = RunOnNewThread(() =>
        {
            var first = WindowBuffers.ForThisThread(3, 128);
            var again = WindowBuffers.ForThisThread(2, 128);
            var grown = WindowBuffers.ForThisThread(10, 128);
            return (Same: ReferenceEquals(first, again) && ReferenceEquals(first, grown), grown.Scores.Length, grown.Scores[9].Length, grown.Matches[9].Length, grown.Candidates.Length);
        });
        Assert.True(result.Same);
        Assert.True(result.Item2 >= 10);
        Assert.Equal(128, result.Item3);
        Assert.Equal(2, result.Item4);
        Assert.Equal(2, result.Item5);
    }

    [Fact]
    public void A_query_of_hundreds_of_clauses_gets_buffers_the_thread_does_not_keep()
    {
        var result = RunOnNewThread(() =>
        {
            var kept = WindowBuffers.ForThisThread(4, 128);
            var large = WindowBuffers.ForThisThread(300, 128);
            var after = WindowBuffers.ForThisThread(4, 128);
            return (LargeIsOwn: !ReferenceEquals(kept, large), KeptStays: ReferenceEquals(kept, after), large.Scores.Length, KeptSize: after.Scores.Length);
        });
        Assert.True(result.LargeIsOwn);
        Assert.True(result.KeptStays);
        Assert.Equal(300, result.Item3);
        Assert.True(result.KeptSize <= 64);
    }

    // Each test on a thread of its own, so the thread's buffers start empty.
    private static T RunOnNewThread<T>(Func<T> work)
    {
        T result = default!;
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result;
    }
}
