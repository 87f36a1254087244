namespace Paperboy.Screenshots;

/// <summary>A page to render: its name in the file name and its path on the app.</summary>
internal sealed record ScreenshotPage(string Name, string Path);
