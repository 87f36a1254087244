using Paperboy.Browser.Testing;
using Paperboy.Core.Ids;
using Paperboy.Screenshots;

// Renders the pages below in light and dark, at desktop and phone width, into
// {output}/{page}-{theme}-{width}.png, from the app on a temporary data directory holding the demo
// corpus; signed-in pages start from the session of a demo reader whose library DemoReader fills.
// A render that logs an error, violates the CSP or reaches past loopback fails the run, so no broken
// page lands in the README.
string output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("docs", "screenshots"));
ScreenshotPage[] pages =
[
    new("home", "/"),
    new("search", "/search?q=rectified+flow"),
    new("paper", $"/papers/{TitleKey.IdFor("Scaling Rectified Flow Transformers for High-Resolution Image Synthesis")}"),
    // Signed in as the demo reader, with three saved papers, tags and a note (DemoReader).
    new("library", "/library", SignedIn: true),
];

Directory.CreateDirectory(output);
await using var app = await LiveApp.StartAsync(settings: null, CancellationToken.None);
using var playwright = await Chromium.StartPlaywrightAsync();
await using var browser = await Chromium.LaunchAsync(playwright);
var (signedIn, preparing) = await DemoReader.PrepareAsync(browser, app, CancellationToken.None);
var renderer = new Renderer(browser, app.BaseUrl, output, signedIn);

var problems = new List<string>(preparing);
foreach (var page in pages)
{
    problems.AddRange(await renderer.RenderAsync(page));
}
foreach (string problem in problems)
{
    Console.Error.WriteLine(problem);
}
return problems.Count == 0 ? 0 : 1;
