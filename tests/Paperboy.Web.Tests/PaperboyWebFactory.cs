using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paperboy.Testing;

namespace Paperboy.Web.Tests;

/// <summary>
/// The real web app in-process over a real SQLite store in a fresh temporary data directory,
/// which the app fills with the demo corpus on start.
/// </summary>
public sealed class PaperboyWebFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"paperboy-web-test-{Guid.NewGuid():N}");

    /// <summary>Everything the app logs, sign-in links included.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>A clock the test moves, replacing the system clock when set.</summary>
    public ManualTime? Time { get; init; }

    /// <summary>Extra settings ("Paperboy:Accounts:SignInRequestsPerAddress" = "2").</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Services registered after the app's own (the in-memory outbox).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Paperboy:DataDirectory", DataDirectory);
        // Tests never reach the real sources.
        builder.UseSetting("Paperboy:Sync:Enabled", "false");
        builder.UseSetting("Paperboy:Digests:Enabled", "false");
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }
            TestServices?.Invoke(services);
        });
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
