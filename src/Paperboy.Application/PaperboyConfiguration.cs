using Microsoft.Extensions.Configuration;

namespace Paperboy.Application;

/// <summary>Reads <see cref="PaperboyOptions"/> from configuration ("Paperboy" section, PAPERBOY_DATA for the data directory).</summary>
public static class PaperboyConfiguration
{
    public static PaperboyOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new PaperboyOptions();
        configuration.GetSection(PaperboyOptions.Section).Bind(options);
        string? dataFromEnvironment = configuration["PAPERBOY_DATA"];
        if (configuration[$"{PaperboyOptions.Section}:DataDirectory"] is null && !string.IsNullOrWhiteSpace(dataFromEnvironment))
        {
            options.DataDirectory = dataFromEnvironment;
        }
        options.DataDirectory = Path.GetFullPath(options.DataDirectory, Environment.CurrentDirectory);
        options.Validate();
        return options;
    }
}
