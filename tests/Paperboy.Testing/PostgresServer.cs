using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace Paperboy.Testing;

/// <summary>
/// A real, throwaway PostgreSQL server: Debian's binaries (the postgresql package, which
/// scripts/install-test-deps.sh installs) run a cluster that initdb makes in a temporary directory,
/// listening on 127.0.0.1 at a free port and on a Unix socket in <see cref="SocketDirectory"/>.
/// Authentication is trust, fsync is off: the cluster lives only as long as the tests.
/// <see cref="DisposeAsync"/> stops it by its process id (SIGINT, PostgreSQL's fast shutdown, then
/// SIGKILL if it lingers) and deletes the directory. <see cref="SharedAsync"/> is the one server of a
/// test process; tests make a database each with <see cref="CreateDatabaseAsync"/>.
/// PostgreSQL refuses to run as root, so as root every PostgreSQL program runs as the postgres system
/// user that Debian's package creates, through setpriv (util-linux), which execs rather than forks:
/// the process started is the postmaster itself, so its id is the one to signal.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The superuser initdb makes; trust authentication lets it in without a password.</summary>
    public const string Superuser = "postgres";

    private const string DirectoryPrefix = "paperboy-pg-";
    private const string OwnerFile = "owner.pid";
    private const int SigInt = 2;
    private const int SigKill = 9;

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;

    private PostgresServer(string directory, int port, Process process, ConcurrentQueue<string> log)
    {
        Directory = directory;
        Port = port;
        _process = process;
        _log = log;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The temporary directory holding data/ (the cluster) and socket/.</summary>
    public string Directory { get; }

    /// <summary>Where the server's Unix socket (.s.PGSQL.port) lives: a host for Npgsql and psql alike.</summary>
    public string SocketDirectory => Path.Combine(Directory, "socket");

    /// <summary>The id of the postmaster process, which <see cref="DisposeAsync"/> signals.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// The server every test of this process shares, started on first use and stopped when the process
    /// exits. Starting one costs about two seconds (initdb), so tests share it and isolate by database.
    /// </summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>An Npgsql connection string for <paramref name="database"/> over TCP on 127.0.0.1.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = Superuser,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates an empty database with a fresh name and returns that name.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        string name = $"paperboy_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\";", cancellationToken);
        return name;
    }

    /// <summary>Drops a database, closing any connection still open to it.</summary>
    public Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return ExecuteAsync($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE);", cancellationToken);
    }

    /// <summary>Runs a statement as the superuser in the postgres database.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Starts a cluster of its own, for a test that must stop or restart its server.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        SweepAbandoned();
        string bin = FindBinaries();
        bool root = GetEffectiveUserId() == 0;
        string directory = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "data"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "socket"));
        await File.WriteAllTextAsync(Path.Combine(directory, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        try
        {
            if (root)
            {
                // The cluster's files must belong to the user the server runs as.
                await RunAsync("chown", ["-R", $"{Superuser}:", directory], cancellationToken);
            }
            string data = Path.Combine(directory, "data");
            await RunAsync(Program(bin, "initdb", root),
                [.. Prefix(bin, "initdb", root), "-D", data, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                cancellationToken);

            int port = FreePort();
            var log = new ConcurrentQueue<string>();
            var process = StartPostgres(bin, root, data, Path.Combine(directory, "socket"), port, log);
            var server = new PostgresServer(directory, port, process, log);
            try
            {
                await server.WaitUntilReadyAsync(cancellationToken);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
            return server;
        }
        catch
        {
            TryDelete(directory);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
                _ = Kill(_process.Id, SigInt);
                if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already stopped and reaped.
        }
        NpgsqlConnection.ClearAllPools();
        TryDelete(Directory);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"postgres server: exited with code {_process.ExitCode} before accepting connections:\n{Log()}");
            }
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString());
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet, or still starting up ("the database system is starting up").
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException($"postgres server: not accepting connections after 60 s: {e.Message}\n{Log()}", e);
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    private string AdminConnectionString() => new NpgsqlConnectionStringBuilder(ConnectionString("postgres"))
    {
        Pooling = false,
        Timeout = 5,
    }.ConnectionString;

    private string Log() => string.Join('\n', _log.TakeLast(40));

    private static Process StartPostgres(string bin, bool root, string data, string socket, int port, ConcurrentQueue<string> log)
    {
        var start = new ProcessStartInfo(Program(bin, "postgres", root))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            .. Prefix(bin, "postgres", root), "-D", data, "-k", socket, "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
            // -F turns fsync off: nothing here has to survive a power cut.
            "-F", "-c", "full_page_writes=off", "-c", "synchronous_commit=off", "-c", "max_connections=200",
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("postgres server: the postgres process did not start");
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(ConcurrentQueue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }
        log.Enqueue(line);
        while (log.Count > 200 && log.TryDequeue(out _))
        {
        }
    }

    // As root, the program is setpriv and the PostgreSQL program its argument; otherwise the program itself.
    private static string Program(string bin, string name, bool root) => root ? "setpriv" : Path.Combine(bin, name);

    private static string[] Prefix(string bin, string name, bool root) =>
        root ? ["--reuid", Superuser, "--regid", Superuser, "--init-groups", "--", Path.Combine(bin, name)] : [];

    /// <summary>
    /// The directory holding initdb and postgres: PAPERBOY_PG_BIN when set, else what pg_config says,
    /// else the newest /usr/lib/postgresql/N/bin (Debian's layout), else the PATH.
    /// </summary>
    private static string FindBinaries()
    {
        static bool Has(string? directory) =>
            !string.IsNullOrEmpty(directory) && File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "postgres"));

        string? configured = Environment.GetEnvironmentVariable("PAPERBOY_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return Has(configured) ? configured
                : throw new InvalidOperationException($"postgres server: PAPERBOY_PG_BIN={configured} holds no initdb and postgres");
        }
        string? fromConfig = TryRun("pg_config", "--bindir");
        if (Has(fromConfig))
        {
            return fromConfig!;
        }
        const string Debian = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(Debian))
        {
            var newest = System.IO.Directory.GetDirectories(Debian)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out int v) ? v : 0))
                .Where(d => Has(d.Directory))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Directory is not null)
            {
                return newest.Directory;
            }
        }
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Has(directory))
            {
                return directory;
            }
        }
        throw new InvalidOperationException(
            "postgres server: no initdb and postgres found (pg_config --bindir, /usr/lib/postgresql/*/bin, PATH); " +
            "install Debian's postgresql package (scripts/install-test-deps.sh) or set PAPERBOY_PG_BIN");
    }

    /// <summary>
    /// Stops and deletes clusters left by test processes that died without stopping them (a killed test
    /// run). A cluster is abandoned when the process named in its owner.pid is gone; its postmaster is
    /// killed only when /proc shows that id running postgres on that very directory.
    /// </summary>
    private static void SweepAbandoned()
    {
        foreach (var directory in System.IO.Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            try
            {
                string owner = Path.Combine(directory, OwnerFile);
                if (!File.Exists(owner) || IsRunning(int.Parse(File.ReadAllText(owner).Trim(), CultureInfo.InvariantCulture)))
                {
                    continue;
                }
                string pidFile = Path.Combine(directory, "data", "postmaster.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out int postmaster)
                    && File.Exists($"/proc/{postmaster}/cmdline")
                    && File.ReadAllText($"/proc/{postmaster}/cmdline").Contains(directory, StringComparison.Ordinal))
                {
                    _ = Kill(postmaster, SigKill);
                }
                TryDelete(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Someone else's directory, or one being deleted now: leave it.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string program, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"postgres server: {program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"postgres server: {program} {string.Join(' ', args)} failed with code {process.ExitCode}:\n{await output}{await error}");
        }
    }

    private static string? TryRun(string program, string arg)
    {
        try
        {
            var start = new ProcessStartInfo(program, arg) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            string output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind harms nothing; the next start sweeps it.
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code enabled; these calls are not hot.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
#pragma warning restore SYSLIB1054
}
