using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paperboy.Application;

namespace Paperboy.Cli;

/// <summary>
/// What every verb needs: the options (from --data, --store, the environment and PAPERBOY_DATA) and the
/// services built from them, the same services the web app uses.
/// </summary>
public sealed class CliContext(Option<string?> dataOption, Option<string?> storeOption)
{
    public Option<string?> DataOption { get; } = dataOption;

    public Option<string?> StoreOption { get; } = storeOption;

    public PaperboyOptions ReadOptions(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var settings = new Dictionary<string, string?>();
        if (parsed.GetValue(DataOption) is { Length: > 0 } data)
        {
            settings[$"{PaperboyOptions.Section}:DataDirectory"] = data;
        }
        if (parsed.GetValue(StoreOption) is { Length: > 0 } store)
        {
            settings[$"{PaperboyOptions.Section}:Store"] = store;
        }
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        return PaperboyConfiguration.Read(configuration);
    }

    public ServiceProvider BuildServices(ParseResult parsed)
    {
        var services = new ServiceCollection();
        // Commands print their own results; the log only carries warnings and errors, on stderr.
        services.AddLogging(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter(level => level >= LogLevel.Warning)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddPaperboy(ReadOptions(parsed));
        return services.BuildServiceProvider();
    }
}
