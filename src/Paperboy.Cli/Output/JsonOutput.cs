using System.Text.Json;
using Paperboy.Application.Contracts;

namespace Paperboy.Cli.Output;

/// <summary>Writes --json results to stdout in the API's JSON style.</summary>
public static class JsonOutput
{
    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, ResourceJson.Options));
}
