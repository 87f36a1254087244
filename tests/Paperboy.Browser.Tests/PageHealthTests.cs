using Paperboy.Core.Ids;

namespace Paperboy.Browser.Tests;

/// <summary>Every page, in both colour schemes, loads clean: nothing past loopback, no console errors, no CSP violations.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageHealthTests(BrowserFixture fixture)
{
    // A demo paper known by title only: its id is derived from the title.
    private const string FlowSepPage = "FlowSep: Language-Queried Sound Separation with Rectified Flow Matching";

    [Theory]
    [InlineData("/", ColorScheme.Light)]
    [InlineData("/", ColorScheme.Dark)]
    [InlineData("/?page=2", ColorScheme.Light)]
    [InlineData("/search", ColorScheme.Light)]
    [InlineData("/search?q=diffusion+-audio", ColorScheme.Dark)]
    [InlineData(FlowSepPage, ColorScheme.Light)]
    [InlineData(FlowSepPage, ColorScheme.Dark)]
    [InlineData("/status", ColorScheme.Dark)]
    public async Task Page_loads_with_its_stylesheet_and_no_errors(string path, ColorScheme scheme)
    {
        await using var session = await fixture.OpenAsync(new() { ColorScheme = scheme });

        var response = await session.GotoAsync(path == FlowSepPage ? $"/papers/{TitleKey.IdFor(FlowSepPage)}" : path);

        Assert.Equal(200, response.Status);
        // The stylesheet applied: the body takes the scheme's background, not the browser's default.
        string background = await session.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.Equal(scheme == ColorScheme.Dark, IsDark(background));
        await session.AssertCleanAsync();
    }

    /// <summary>Whether an "rgb(r, g, b)" colour is dark, by its relative luminance (ITU-R BT.709 weights).</summary>
    private static bool IsDark(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)]
            .Split(',').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]) < 128;
    }
}
