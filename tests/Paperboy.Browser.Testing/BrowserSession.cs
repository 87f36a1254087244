using Microsoft.Playwright;

namespace Paperboy.Browser.Testing;

/// <summary>
/// A fresh browser context and page on the app, with guards a page must pass: every request that is
/// not to loopback is aborted before it leaves the browser and recorded, and console errors, uncaught
/// script errors, Content-Security-Policy violations and dialogs (alert, confirm, prompt) are recorded.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Runs in every document before the page's own scripts. Injected by the driver, so the page's
    // CSP does not apply to it; the violations it reports are the page's.
    private const string CspListener =
        "document.addEventListener('securitypolicyviolation', e => " +
        "window.__paperboyCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));";

    private readonly Lock _gate = new();
    private readonly List<string> _externalRequests = [];
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _cspViolations = [];
    private readonly List<string> _dialogs = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Requests to anything but loopback, aborted: "GET https://example.org/x".</summary>
    public IReadOnlyList<string> ExternalRequests => Snapshot(_externalRequests);

    /// <summary>Console messages of type error, with where they came from.</summary>
    public IReadOnlyList<string> ConsoleErrors => Snapshot(_consoleErrors);

    /// <summary>Exceptions that a page's scripts threw and nothing caught.</summary>
    public IReadOnlyList<string> PageErrors => Snapshot(_pageErrors);

    /// <summary>Content-Security-Policy violations the pages reported: directive, what was blocked, where.</summary>
    public IReadOnlyList<string> CspViolations => Snapshot(_cspViolations);

    /// <summary>Dialogs that opened ("alert: 1"), each dismissed at once.</summary>
    public IReadOnlyList<string> Dialogs => Snapshot(_dialogs);

    /// <summary>
    /// Opens a context on the app; <paramref name="options"/> sets the viewport, colour scheme and so
    /// on (its BaseURL is set to the app's, so pages can be opened by path).
    /// </summary>
    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseUrl, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = baseUrl.ToString();
        var context = await browser.NewContextAsync(options);
        try
        {
            var session = new BrowserSession(context, await context.NewPageAsync());
            await session.GuardAsync();
            return session;
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    /// <summary>Opens a page of the app by path, such as "/search?q=flow", and returns its response.</summary>
    public async Task<IResponse> GotoAsync(string pathAndQuery)
    {
        var response = await Page.GotoAsync(pathAndQuery);
        return response ?? throw new InvalidOperationException($"no response for {pathAndQuery}");
    }

    /// <summary>
    /// Everything the guards caught, one line each; empty when the pages behaved. Waits for the
    /// page's pending events first, so an error logged just before the call is not missed.
    /// </summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync()
    {
        // A round trip through the page: events the browser sent before it arrive before the answer.
        await Page.EvaluateAsync("() => 0");
        lock (_gate)
        {
            return
            [
                .. _externalRequests.Select(r => $"external request: {r}"),
                .. _consoleErrors.Select(e => $"console error: {e}"),
                .. _pageErrors.Select(e => $"page error: {e}"),
                .. _cspViolations.Select(v => $"CSP violation: {v}"),
                .. _dialogs.Select(d => $"dialog: {d}"),
            ];
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private async Task GuardAsync()
    {
        await Context.RouteAsync("**/*", async route =>
        {
            var request = route.Request;
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.IsLoopback)
            {
                await route.ContinueAsync();
                return;
            }
            Record(_externalRequests, $"{request.Method} {request.Url}");
            await route.AbortAsync("blockedbyclient");
        });
        await Context.ExposeFunctionAsync("__paperboyCspViolation", (string violation) => Record(_cspViolations, violation));
        await Context.AddInitScriptAsync(CspListener);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record(_consoleErrors, $"{message.Text} ({message.Location})");
            }
        };
        Page.PageError += (_, error) => Record(_pageErrors, error);
        Page.Dialog += async (_, dialog) =>
        {
            Record(_dialogs, $"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    private void Record(List<string> list, string item)
    {
        lock (_gate)
        {
            list.Add(item);
        }
    }

    private List<string> Snapshot(List<string> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}
