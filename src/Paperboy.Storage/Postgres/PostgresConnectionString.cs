using System.Globalization;
using Npgsql;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// Reads where the PostgreSQL store is, in either form people write it: an Npgsql connection string
/// (<c>Host=/run/postgresql;Username=paperboy;Database=paperboy</c>) or a libpq connection URI
/// (<c>postgres://user:password@host:5432/db?sslmode=require</c>, also <c>postgresql://</c>), whose
/// host may be a percent-encoded socket directory (<c>postgres://paperboy@%2Frun%2Fpostgresql/paperboy</c>)
/// or a list (<c>h1:5432,h2:5433</c>). The URI syntax and parameter names are libpq's (PostgreSQL
/// documentation, 34.1.1 Connection Strings). Errors never quote the input, which may hold a password.
/// </summary>
public static class PostgresConnectionString
{
    // libpq URI parameters and the Npgsql keywords they become.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["passfile"] = "Passfile",
        ["channel_binding"] = "Channel Binding",
    };

    // libpq's sslmode values and Npgsql's names for them.
    private static readonly Dictionary<string, string> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = "Disable",
        ["allow"] = "Allow",
        ["prefer"] = "Prefer",
        ["require"] = "Require",
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    /// <summary>True when the text is a postgres:// or postgresql:// URI rather than key=value pairs.</summary>
    public static bool IsUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string for either form; throws <see cref="ArgumentException"/> saying what is wrong.</summary>
    public static string Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        text = text.Trim();
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = IsUri(text) ? FromUri(text) : new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new ArgumentException($"store: invalid PostgreSQL connection string: {e.Message}", nameof(text), e);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException(
                "store: the PostgreSQL connection string names no host: give a host name or a socket directory (Host=/run/postgresql)", nameof(text));
        }
        return builder.ConnectionString;
    }

    /// <summary>The connection string without its passwords, for messages and logs.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Remove("Password");
        builder.Remove("SSL Password");
        return builder.ConnectionString;
    }

    private static NpgsqlConnectionStringBuilder FromUri(string uri)
    {
        var builder = new NpgsqlConnectionStringBuilder();
        string rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];

        int query = rest.IndexOf('?', StringComparison.Ordinal);
        string parameters = query < 0 ? "" : rest[(query + 1)..];
        rest = query < 0 ? rest : rest[..query];

        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string authority = slash < 0 ? rest : rest[..slash];
        if (slash >= 0 && slash + 1 < rest.Length)
        {
            builder.Database = Decode(rest[(slash + 1)..]);
        }

        // The password may hold '@' only percent-encoded, so the last '@' ends the user part.
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            string user = authority[..at];
            int colon = user.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                builder.Password = Decode(user[(colon + 1)..]);
                user = user[..colon];
            }
            if (user.Length > 0)
            {
                builder.Username = Decode(user);
            }
            authority = authority[(at + 1)..];
        }
        if (authority.Length > 0)
        {
            SetHosts(builder, authority);
        }

        foreach (var pair in parameters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Decode(equals < 0 ? pair : pair[..equals]);
            string value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (!Parameters.TryGetValue(name, out var keyword))
            {
                throw new ArgumentException($"unknown parameter \"{name}\" in the URI (known: {string.Join(", ", Parameters.Keys)})");
            }
            if (name == "sslmode")
            {
                value = SslModes.TryGetValue(value, out var mode)
                    ? mode
                    : throw new ArgumentException($"sslmode must be one of {string.Join(", ", SslModes.Keys)}");
            }
            builder[keyword] = value;
        }
        return builder;
    }

    /// <summary>One host and port, or a comma-separated list of them (Npgsql tries them in turn).</summary>
    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string authority)
    {
        var hosts = authority.Split(',').Select(SplitHostPort).ToList();
        if (hosts.Count == 1)
        {
            builder.Host = hosts[0].Host;
            if (hosts[0].Port is { } port)
            {
                builder.Port = port;
            }
            return;
        }
        builder.Host = string.Join(',', hosts.Select(h => h.Port is { } port ? $"{h.Host}:{port.ToString(CultureInfo.InvariantCulture)}" : h.Host));
    }

    private static (string Host, int? Port) SplitHostPort(string hostPort)
    {
        string host = hostPort;
        string? port = null;
        if (hostPort.StartsWith('['))
        {
            // An IPv6 literal: [::1]:5432.
            int close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ArgumentException("an IPv6 host in the URI lacks its closing ']'");
            }
            host = hostPort[1..close];
            port = close + 1 < hostPort.Length && hostPort[close + 1] == ':' ? hostPort[(close + 2)..] : null;
        }
        else if (hostPort.LastIndexOf(':') is var colon and >= 0)
        {
            host = hostPort[..colon];
            port = hostPort[(colon + 1)..];
        }
        int? number = null;
        if (!string.IsNullOrEmpty(port))
        {
            number = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value is > 0 and < 65536
                ? value
                : throw new ArgumentException("the port in the URI is not a number from 1 to 65535");
        }
        return (Decode(host), number);
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text);
}
