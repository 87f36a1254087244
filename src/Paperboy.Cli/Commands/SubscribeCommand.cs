using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application;
using Paperboy.Application.Digests;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy subscribe EMAIL [--weekly] [--trending] [--category CAT]... [--query Q]... [--author NAME]...
/// [--time-zone TZ] [--hour H]: subscribes an address as the web form does, sending the confirmation
/// email; nothing is sent to it before that link is followed.
/// </summary>
public static class SubscribeCommand
{
    public static Command Create(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The address to send digests to" };
        var weekly = new Option<bool>("--weekly") { Description = "One digest a week instead of one per arXiv announcement" };
        var trending = new Option<bool>("--trending") { Description = "Include trending papers" };
        var categories = new Option<string[]>("--category") { Description = "An arXiv category (repeatable)", AllowMultipleArgumentsPerToken = false };
        var queries = new Option<string[]>("--query") { Description = "A saved search (repeatable)" };
        var authors = new Option<string[]>("--author") { Description = "An author (repeatable)" };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone of --hour (default Paperboy:Digests:DefaultTimeZone)" };
        var hour = new Option<int?>("--hour") { Description = "Hour of the day, 0 to 23" };
        var command = new Command("subscribe", "Subscribe an address to email digests (sends the confirmation email)")
        {
            email, weekly, trending, categories, queries, authors, zone, hour,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            var request = new SubscriptionRequest
            {
                Email = parsed.GetValue(email),
                Frequency = parsed.GetValue(weekly) ? "weekly" : "daily",
                Trending = parsed.GetValue(trending),
                Categories = parsed.GetValue(categories) ?? [],
                Queries = parsed.GetValue(queries) ?? [],
                Authors = parsed.GetValue(authors) ?? [],
                TimeZone = parsed.GetValue(zone),
                Hour = parsed.GetValue(hour),
            };
            var root = SiteLinks.Root(services.GetRequiredService<PaperboyOptions>());
            var result = await services.GetRequiredService<SubscriptionService>().SubscribeAsync(request, "cli", root, null, null, cancellationToken);
            switch (result.Outcome)
            {
                case SubscribeOutcome.Invalid:
                    throw new UsageException(result.Error!);
                case SubscribeOutcome.RateLimited:
                    await Console.Error.WriteLineAsync("paperboy: too many subscribe requests for that address; wait a while, then try again");
                    return ExitCodes.PartlyRejected;
                default:
                    Console.WriteLine($"A confirmation email is queued for {request.Email!.Trim().ToLowerInvariant()}; digests start once its link is followed.");
                    return ExitCodes.Success;
            }
        });
        return command;
    }
}
