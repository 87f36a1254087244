namespace Paperboy.Screenshots;

/// <summary>A page to render: its name in the file name, its path on the app, and whether it needs the demo reader signed in.</summary>
internal sealed record ScreenshotPage(string Name, string Path, bool SignedIn = false);
