using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Digests;
using Paperboy.Application.Mail;
using Paperboy.Application.Tests.Accounts;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;
using Paperboy.Testing.Mail;

namespace Paperboy.Application.Tests.Digests;

/// <summary>The application over a real store, with a clock the test moves and the in-memory outbox.</summary>
internal sealed class DigestHarness : IAsyncDisposable
{
    public static readonly Uri Root = new("https://papers.example.org/");

    public DigestHarness(DateTimeOffset now, Action<PaperboyOptions>? configure = null)
    {
        Time = new ManualTime(now);
        App = new AppServices(loadDemoCorpus: false, options =>
        {
            options.PublicUrl = Root.AbsoluteUri;
            configure?.Invoke(options);
        }, services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IEmailOutbox>(Outbox);
        });
    }

    public ManualTime Time { get; }
    public InMemoryOutbox Outbox { get; } = new();
    public AppServices App { get; }

    public T Get<T>() where T : notnull => App.Get<T>();

    public Task UpsertAsync(params Paper[] papers) => Get<IPaperStore>().UpsertAsync(papers, CancellationToken.None);

    /// <summary>Subscribes and confirms through the service, as a reader does, and returns the stored subscriber.</summary>
    public async Task<Subscriber> SubscribedAsync(SubscriptionRequest request)
    {
        var service = Get<SubscriptionService>();
        var result = await service.SubscribeAsync(request, "test", Root, null, null, CancellationToken.None);
        Assert.Equal(SubscribeOutcome.Sent, result.Outcome);
        string link = InMemoryOutbox.Link(Outbox.To(request.Email!.ToLowerInvariant()).Last(), Root + SiteLinks.ConfirmPath);
        var confirmed = await service.ConfirmAsync(TokenOf(link), CancellationToken.None);
        Assert.NotNull(confirmed);
        return confirmed;
    }

    public static string TokenOf(string link) => Uri.UnescapeDataString(new Uri(link).Query["?token=".Length..]);

    public static Paper Paper(string id, string title, DateTimeOffset published, string[] categories, string[] authors, int upvotes = 0,
        string? abstractText = null) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        Abstract = abstractText ?? $"The abstract of {title}.",
        Authors = authors,
        Categories = categories,
        Published = published,
        Engagement = upvotes == 0 ? null : new PaperEngagement { Upvotes = upvotes },
    };

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
