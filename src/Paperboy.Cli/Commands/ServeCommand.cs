using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Paperboy.Application;
using Paperboy.Web;

namespace Paperboy.Cli.Commands;

/// <summary>paperboy serve [--urls URL]: the web app and JSON API; loads the demo corpus into an empty store.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", "Run the web app") { urls };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = context.ReadOptions(parsed);
            var settings = new Dictionary<string, string?>
            {
                ["urls"] = parsed.GetValue(urls),
                [$"{PaperboyOptions.Section}:DataDirectory"] = options.DataDirectory,
            };
            if (options.UsesPostgres)
            {
                settings[$"{PaperboyOptions.Section}:Store"] = options.Store;
            }
            // Semantic search out of the box: serve installs the word vectors unless told not to (docs/SEMANTIC.md).
            if (options.Semantic.InstallWordVectors is null)
            {
                settings[$"{PaperboyOptions.Section}:Semantic:InstallWordVectors"] = "true";
            }
            var app = PaperboyWebApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
            await using (app)
            {
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
