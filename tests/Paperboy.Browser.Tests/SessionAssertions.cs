using Paperboy.Browser.Testing;

namespace Paperboy.Browser.Tests;

internal static class SessionAssertions
{
    /// <summary>
    /// The pages of the session made no request past loopback, logged no console error, threw
    /// nothing, violated no Content-Security-Policy directive and opened no dialog.
    /// </summary>
    public static async Task AssertCleanAsync(this BrowserSession session) =>
        Assert.Equal([], await session.ProblemsAsync());
}
