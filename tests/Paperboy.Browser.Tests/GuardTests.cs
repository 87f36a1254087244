using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Paperboy.Browser.Tests;

/// <summary>
/// The guards every test ends on catch what they claim to, so an empty list of problems means the
/// pages behaved, not that nothing was listening.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GuardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_request_past_loopback_is_aborted_in_the_browser_and_recorded()
    {
        await using var session = await fixture.OpenAsync();

        // .invalid never resolves (RFC 2606); the route aborts it before any lookup anyway.
        var error = await Assert.ThrowsAsync<PlaywrightException>(() => session.Page.GotoAsync("http://paperboy-guard.invalid/probe"));

        Assert.Contains("ERR_BLOCKED_BY_CLIENT", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET http://paperboy-guard.invalid/probe"], session.ExternalRequests);
    }

    [Fact]
    public async Task An_inline_script_is_refused_by_the_content_security_policy_and_recorded()
    {
        await using var session = await fixture.OpenAsync();
        await session.GotoAsync("/");

        await session.Page.EvaluateAsync(
            "() => { const s = document.createElement('script'); s.textContent = 'window.ranInline = true'; document.body.append(s); }");

        var problems = await session.ProblemsAsync();
        Assert.False(await session.Page.EvaluateAsync<bool>("() => window.ranInline === true"));
        Assert.Contains(session.CspViolations, v => v.StartsWith("script-src-elem blocked inline", StringComparison.Ordinal));
        Assert.Contains(session.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Equal(session.CspViolations.Count + session.ConsoleErrors.Count, problems.Count);
    }

    [Fact]
    public async Task A_dialog_is_recorded_and_dismissed()
    {
        await using var session = await fixture.OpenAsync();
        await session.GotoAsync("/");

        await session.Page.EvaluateAsync("() => alert('probe')");

        Assert.Equal(["alert: probe"], session.Dialogs);
        Assert.Equal(["dialog: alert: probe"], await session.ProblemsAsync());
    }

    [Fact]
    public async Task The_sign_in_link_helper_reads_the_link_from_the_app_log()
    {
        // The log sink the sign-in tests will use, checked on a line logged the way the app logs it.
        var logger = fixture.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Paperboy.Browser.Tests");
        var waiting = fixture.App.Log.WaitForSignInLinkAsync("reader@example.org", TimeSpan.FromSeconds(15), CancellationToken.None);

        logger.LogInformation("Sign-in link for {Email}: {Url}", "reader@example.org", fixture.App.Url("/signin?token=abc123"));

        Assert.Equal(fixture.App.Url("/signin?token=abc123"), await waiting);
    }
}
