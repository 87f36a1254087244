using Microsoft.Playwright;

namespace Paperboy.Browser.Testing;

/// <summary>
/// Debian's Chromium (the `chromium` package, which scripts/install-test-deps.sh installs), driven by
/// Playwright's bundled driver. Playwright never downloads a browser here: the executable path is
/// always given, and nothing runs `playwright install`.
/// </summary>
public static class Chromium
{
    /// <summary>Overrides the executable, for a machine whose Chromium lives elsewhere.</summary>
    public const string PathVariable = "PAPERBOY_CHROMIUM";

    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>
    /// Playwright adds --headless, --user-data-dir and its own automation flags. These keep Chromium
    /// from reaching Google's services at start (on a closed network those connections are refused,
    /// many at a time) and from needing a GPU or a user namespace for its sandbox (CI runs as root).
    /// </summary>
    public static IReadOnlyList<string> Flags { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Starts Playwright's driver with browser downloads and host checks switched off.</summary>
    public static Task<IPlaywright> StartPlaywrightAsync()
    {
        // Read by the driver (a child process, which inherits them): no browser download, and no
        // check of the libraries a downloaded browser would need; Debian's package brings its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_VALIDATE_HOST_REQUIREMENTS", "1");
        return Playwright.CreateAsync();
    }

    /// <summary>Launches headless Chromium from <see cref="ExecutablePath"/>.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        string path = ExecutablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"no Chromium at {path}: run `bash scripts/install-test-deps.sh` (installs Debian's chromium) " +
                $"or set {PathVariable} to a Chromium executable");
        }
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Flags,
        });
    }
}
