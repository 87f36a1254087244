using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paperboy.Application.Mail;
using Paperboy.Application.Tests.Accounts;
using Paperboy.Core.Mail;
using Paperboy.Core.Storage;
using Paperboy.Testing;

namespace Paperboy.Application.Tests.Mail;

/// <summary>The mail services over a fresh store, a hand-moved clock and a real SMTP server on loopback.</summary>
public sealed class MailHarness : IAsyncDisposable
{
    private MailHarness(SmtpServer server, Action<SmtpOptions>? configure)
    {
        Server = server;
        App = new AppServices(loadDemoCorpus: false, configure: options =>
        {
            options.Smtp.Host = server.Host;
            options.Smtp.Port = server.Port;
            options.Smtp.From = "digests@paperboy.example.org";
            options.Smtp.FromName = "Paperboy Digests";
            options.Smtp.StartTls = StartTlsMode.Never;
            options.Smtp.MaxAttempts = 3;
            configure?.Invoke(options.Smtp);
        }, services: collection =>
        {
            collection.AddSingleton<TimeProvider>(Time);
            collection.AddSingleton<ILoggerProvider>(Log);
        });
    }

    public ManualTime Time { get; } = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));

    public SmtpServer Server { get; }

    /// <summary>Everything the services logged, formatted as an operator would read it.</summary>
    public LogCapture Log { get; } = new();

    public AppServices App { get; }

    public IEmailOutbox Outbox => App.Get<IEmailOutbox>();

    public IEmailSuppressions Suppressions => App.Get<IEmailSuppressions>();

    public OutboxSender Sender => App.Get<OutboxSender>();

    public IOutboxStore Store => App.Get<IOutboxStore>();

    public static async Task<MailHarness> StartAsync(
        IEnumerable<string>? refuse = null, IEnumerable<string>? defer = null, (string, string)? tls = null, string? login = null, Action<SmtpOptions>? configure = null) =>
        new(await SmtpServer.StartAsync(refuse, defer, tls, login), configure);

    public Task<bool> EnqueueAsync(string to, string key, string subject = "Your Paperboy digest") =>
        Outbox.EnqueueAsync(new OutgoingEmail(to, subject, $"Papers for {to}", null, new Dictionary<string, string>()), key, CancellationToken.None);

    public async Task<OutboxMessage> RowAsync(string key) =>
        await Store.GetOutboxMessageAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"no outbox row {key}");

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Server.DisposeAsync();
    }
}
