using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Paperboy.Web.Tests;

/// <summary>
/// The real web app in-process over a real SQLite store in a fresh temporary data directory,
/// which the app fills with the demo corpus on start.
/// </summary>
public sealed class PaperboyWebFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"paperboy-web-test-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Paperboy:DataDirectory", DataDirectory);
        // Tests never reach the real sources.
        builder.UseSetting("Paperboy:Sync:Enabled", "false");
        builder.UseEnvironment("Production");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
