using Paperboy.Application.Demo;

namespace Paperboy.Web.Hosting;

/// <summary>Loads the demo corpus into an empty store before the server takes its first request.</summary>
internal sealed class DemoCorpusLoader(DemoCorpus demo) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => demo.EnsureLoadedAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
