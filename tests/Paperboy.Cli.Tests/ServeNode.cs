using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Paperboy.Testing;

namespace Paperboy.Cli.Tests;

/// <summary>
/// One `paperboy serve` process on a free loopback port, its own data directory, its log lines kept,
/// and browsers (cookie jars) that talk to it: one node of a several-node deployment.
/// </summary>
public sealed partial class ServeNode : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    public ServeNode(PaperboyProcess paperboy)
    {
        Paperboy = paperboy;
        Port = FreePort();
        Url = new Uri($"http://127.0.0.1:{Port}");
    }

    public PaperboyProcess Paperboy { get; }

    public int Port { get; }

    public Uri Url { get; }

    public Process Process => _process ?? throw new InvalidOperationException("the node has not started");

    /// <summary>Starts serve and returns once it answers (bounded: 30 s of tries).</summary>
    public async Task StartAsync()
    {
        _process = Paperboy.Start("serve", "--urls", Url.ToString().TrimEnd('/'));
        _ = Pump(_process.StandardOutput);
        _ = Pump(_process.StandardError);
        using var probe = Browser();
        for (int attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"paperboy serve exited with {_process.ExitCode}: {string.Join('\n', _log.TakeLast(20))}");
            }
            try
            {
                if ((await probe.GetAsync(new Uri(Url, "/api/status"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("paperboy serve did not answer");
    }

    /// <summary>A browser of this node: its own cookies, redirects not followed.</summary>
    public HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = Url,
    };

    /// <summary>Signs a new browser in as a reader does: asks for a link, reads it from this node's log, follows it.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = Browser();
        var asked = await Forms.SubmitAsync(browser, "/signin", "main form", new Dictionary<string, string> { ["Email"] = email });
        if (asked.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"sign-in request answered {(int)asked.StatusCode}");
        }
        string? link = null;
        for (int attempt = 0; attempt < 100 && link is null; attempt++)
        {
            link = _log.Select(line => LinkLine().Match(line)).LastOrDefault(m => m.Success && m.Groups["email"].Value == email)?.Groups["url"].Value;
            if (link is null)
            {
                await Task.Delay(50);
            }
        }
        var signedIn = await Forms.SubmitAsync(browser, new Uri(link ?? throw new InvalidOperationException($"no sign-in link for {email} in the log")).PathAndQuery, "main form");
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"following the sign-in link answered {(int)signedIn.StatusCode}");
        }
        return browser;
    }

    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        if (_process is not null)
        {
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    private async Task Pump(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            _log.Enqueue(line.Trim());
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Sign-in link for (?<email>\S+): (?<url>\S+)$")]
    private static partial Regex LinkLine();
}
