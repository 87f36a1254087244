using Microsoft.Playwright;
using Paperboy.Browser.Testing;

namespace Paperboy.Screenshots;

/// <summary>Renders one page in every theme and viewport, through the guards of the browser tests.</summary>
/// <param name="signedInState">The storage state (session cookie) that pages marked SignedIn start from.</param>
internal sealed class Renderer(IBrowser browser, Uri baseUrl, string output, string signedInState)
{
    private static readonly (string Name, ColorScheme Scheme)[] Themes = [("light", ColorScheme.Light), ("dark", ColorScheme.Dark)];

    private static readonly Viewport[] Viewports = [new(1280, 800, IsMobile: false), new(390, 844, IsMobile: true)];

    /// <summary>
    /// Writes {output}/{page}-{theme}-{width}.png for each theme and viewport; returns the problems
    /// the guards caught (an error logged, a CSP violation, a request past loopback), one line each.
    /// A page that does not answer 200 is skipped, with a note on the console.
    /// </summary>
    public async Task<IReadOnlyList<string>> RenderAsync(ScreenshotPage page)
    {
        var problems = new List<string>();
        foreach (var (theme, scheme) in Themes)
        {
            foreach (var viewport in Viewports)
            {
                await using var session = await BrowserSession.OpenAsync(browser, baseUrl, new BrowserNewContextOptions
                {
                    ColorScheme = scheme,
                    ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
                    IsMobile = viewport.IsMobile,
                    HasTouch = viewport.IsMobile,
                    StorageState = page.SignedIn ? signedInState : null,
                });
                var response = await session.GotoAsync(page.Path);
                if (response.Status != 200)
                {
                    Console.WriteLine($"skipped {page.Name}: {page.Path} answered {response.Status}");
                    return problems;
                }
                string file = Path.Combine(output, $"{page.Name}-{theme}-{viewport.Width}.png");
                await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Animations = ScreenshotAnimations.Disabled });
                problems.AddRange((await session.ProblemsAsync()).Select(p => $"{page.Name} ({theme}, {viewport.Width}px): {p}"));
                Console.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
            }
        }
        return problems;
    }
}
