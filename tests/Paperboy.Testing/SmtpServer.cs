using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Paperboy.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd (python3-aiosmtpd, which
/// scripts/install-test-deps.sh installs) running a handler that stores every accepted message as a
/// file. <see cref="StopAsync"/> and <see cref="StartAsync()"/> take it down and bring it back on the same
/// port; <see cref="Messages"/> reads what it received, parsed as MIME.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly string[] _extraArgs;
    private Process? _process;

    private SmtpServer(int port, string directory, string[] extraArgs)
    {
        Port = port;
        Directory = directory;
        _extraArgs = extraArgs;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Where the server keeps messages/, rcpt.log, envelopes.log, auth.log and commands.log.</summary>
    public string Directory { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Starts a server on a free loopback port. <paramref name="refuse"/> get 550 to RCPT and
    /// <paramref name="defer"/> 451; <paramref name="tls"/> (certificate and key PEM files) offers
    /// STARTTLS; <paramref name="login"/> ("user:password") requires AUTH before MAIL (offered only after
    /// STARTTLS when <paramref name="tls"/> is given, aiosmtpd's default; in clear otherwise).
    /// </summary>
    public static async Task<SmtpServer> StartAsync(
        IEnumerable<string>? refuse = null, IEnumerable<string>? defer = null, (string Certificate, string Key)? tls = null, string? login = null)
    {
        var args = new List<string>();
        foreach (var address in refuse ?? [])
        {
            args.AddRange(["--refuse", address]);
        }
        foreach (var address in defer ?? [])
        {
            args.AddRange(["--defer", address]);
        }
        if (tls is { } pair)
        {
            args.AddRange(["--tls", pair.Certificate, pair.Key]);
        }
        if (login is not null)
        {
            args.AddRange(["--auth", login]);
        }
        string directory = Path.Combine(Path.GetTempPath(), $"paperboy-smtp-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "messages"));
        await File.WriteAllTextAsync(Path.Combine(directory, "server.py"), SmtpServerScript.Source);
        var server = new SmtpServer(FreePort(), directory, [.. args]);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server process (again), on the same port, and returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path.Combine(Directory, "server.py"), "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", Directory, .. _extraArgs])
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp server: python3 did not start");
        string? ready = await process.StandardOutput.ReadLineAsync();
        if (ready != "READY")
        {
            string error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"smtp server: aiosmtpd did not start (is python3-aiosmtpd installed? scripts/install-test-deps.sh): {error}");
        }
        _process = process;
    }

    /// <summary>Takes the server down: connections are refused until <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        var process = _process;
        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Every message the server accepted, oldest first, parsed.</summary>
    public IReadOnlyList<ReceivedEmail> Messages() =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "messages"), "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => ReceivedEmail.Parse(File.ReadAllBytes(path)))
            .ToList();

    /// <summary>How many messages the server accepted (cheaper than <see cref="Messages"/>).</summary>
    public int MessageCount() => System.IO.Directory.GetFiles(Path.Combine(Directory, "messages"), "*.eml").Length;

    /// <summary>
    /// A breakpoint for crash tests: once <paramref name="afterStored"/> messages are stored, the server
    /// holds the next <paramref name="stage"/> ("MAIL", "RCPT", "DATA", or "STORED": the reply to the
    /// final dot, after the message is on disk) until <see cref="Release"/>.
    /// </summary>
    public void StallAt(string stage, int afterStored)
    {
        File.Delete(Path.Combine(Directory, "stalled"));
        File.WriteAllText(Path.Combine(Directory, "stall"), $"{stage} {afterStored}");
    }

    /// <summary>
    /// Waits until the server holds the stage <see cref="StallAt"/> set, polling every few milliseconds
    /// for at most <paramref name="limit"/>; returns the recipients of the transaction held, or null
    /// when <paramref name="gaveUp"/> turns true or the limit passes first.
    /// </summary>
    public async Task<string[]?> WaitUntilStalledAsync(Func<bool> gaveUp, TimeSpan limit)
    {
        string marker = Path.Combine(Directory, "stalled");
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !gaveUp())
        {
            if (File.Exists(marker))
            {
                string[] parts = File.ReadAllText(marker).Split(' ', 2);
                return parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
            }
            await Task.Delay(5);
        }
        return null;
    }

    /// <summary>Lets a stalled server go on.</summary>
    public void Release()
    {
        File.Delete(Path.Combine(Directory, "stall"));
        File.Delete(Path.Combine(Directory, "stalled"));
    }

    /// <summary>Every RCPT the server was sent, as "address code".</summary>
    public IReadOnlyList<string> RecipientLog() => Lines("rcpt.log");

    /// <summary>Each accepted message as "name mail-from recipients [tls]".</summary>
    public IReadOnlyList<string> EnvelopeLog() => Lines("envelopes.log");

    /// <summary>Each AUTH the server checked, as "MECHANISM user ok|refused tls|clear".</summary>
    public IReadOnlyList<string> AuthLog() => Lines("auth.log");

    /// <summary>Every command the server received, as "VERB tls|clear" (the verb alone: arguments may hold credentials).</summary>
    public IReadOnlyList<string> CommandLog() => Lines("commands.log");

    private IReadOnlyList<string> Lines(string name)
    {
        string path = Path.Combine(Directory, name);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind harms nothing.
        }
    }
}
