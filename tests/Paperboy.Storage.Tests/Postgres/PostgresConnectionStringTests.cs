using Npgsql;
using Paperboy.Storage.Postgres;

namespace Paperboy.Storage.Tests.Postgres;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void An_npgsql_connection_string_with_a_socket_directory_is_kept_as_it_is()
    {
        var parsed = Builder(PostgresConnectionString.Parse("Host=/run/postgresql;Username=paperboy;Database=paperboy"));

        Assert.Equal("/run/postgresql", parsed.Host);
        Assert.Equal("paperboy", parsed.Username);
        Assert.Equal("paperboy", parsed.Database);
        Assert.Null(parsed.Password);
    }

    [Theory]
    [InlineData("postgres://reader:s%40cret@db.example.org:6543/papers?sslmode=verify-full&application_name=paperboy")]
    [InlineData("postgresql://reader:s%40cret@db.example.org:6543/papers?sslmode=verify-full&application_name=paperboy")]
    public void A_url_gives_user_password_host_port_database_and_parameters(string url)
    {
        var parsed = Builder(PostgresConnectionString.Parse(url));

        Assert.Equal("reader", parsed.Username);
        Assert.Equal("s@cret", parsed.Password);
        Assert.Equal("db.example.org", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("papers", parsed.Database);
        Assert.Equal(SslMode.VerifyFull, parsed.SslMode);
        Assert.Equal("paperboy", parsed.ApplicationName);
    }

    [Fact]
    public void A_percent_encoded_socket_directory_is_the_host()
    {
        var parsed = Builder(PostgresConnectionString.Parse("postgres://paperboy@%2Frun%2Fpostgresql/paperboy"));

        Assert.Equal("/run/postgresql", parsed.Host);
        Assert.Equal("paperboy", parsed.Username);
        Assert.Equal("paperboy", parsed.Database);
        Assert.Equal(5432, parsed.Port);
    }

    [Fact]
    public void A_socket_directory_may_also_come_as_the_host_parameter()
    {
        var parsed = Builder(PostgresConnectionString.Parse("postgres:///paperboy?host=/run/postgresql&user=paperboy&connect_timeout=7"));

        Assert.Equal("/run/postgresql", parsed.Host);
        Assert.Equal("paperboy", parsed.Username);
        Assert.Equal("paperboy", parsed.Database);
        Assert.Equal(7, parsed.Timeout);
    }

    [Fact]
    public void Several_hosts_and_an_ipv6_literal_keep_their_own_ports()
    {
        Assert.Equal("one:5432,two:5433", Builder(PostgresConnectionString.Parse("postgres://u@one:5432,two:5433/db")).Host);
        var ipv6 = Builder(PostgresConnectionString.Parse("postgres://u@[::1]:5444/db"));
        Assert.Equal("::1", ipv6.Host);
        Assert.Equal(5444, ipv6.Port);
    }

    [Theory]
    [InlineData("postgres://u:hunter2@host/db?sslmode=sometimes", "sslmode must be one of")]
    [InlineData("postgres://u:hunter2@host/db?gssencmode=disable", "unknown parameter \"gssencmode\"")]
    [InlineData("postgres://u:hunter2@host:99999/db", "port in the URI")]
    [InlineData("Host=db;Password=hunter2;Colour=blue", "invalid PostgreSQL connection string")]
    [InlineData("postgres://u:hunter2@/db", "names no host")]
    public void A_bad_connection_string_is_refused_with_a_reason_and_without_its_password(string text, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_for_logs_leaves_the_password_out()
    {
        string described = PostgresConnectionString.Describe(PostgresConnectionString.Parse("postgres://reader:hunter2@db.example.org/papers"));

        Assert.DoesNotContain("hunter2", described, StringComparison.Ordinal);
        Assert.Equal("db.example.org", Builder(described).Host);
        Assert.Equal("reader", Builder(described).Username);
    }

    private static NpgsqlConnectionStringBuilder Builder(string connectionString) => new(connectionString);
}
