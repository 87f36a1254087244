namespace Paperboy.Core.Tests;

/// <summary>Paths to the repo's test payloads, copied next to the test assembly by the csproj.</summary>
internal static class Fixtures
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);
}
