using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Paperboy.Cli.Tests;

/// <summary>`paperboy serve` as a user runs it: a separate process listening on loopback.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly PaperboyProcess _paperboy = new();

    public void Dispose() => _paperboy.Dispose();

    [Fact]
    public async Task Serve_loads_the_demo_corpus_into_an_empty_store_and_serves_pages_and_api()
    {
        int port = FreePort();
        _paperboy.Environment["Paperboy__Sync__Enabled"] = "false";
        using var server = _paperboy.Start("serve", "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            string home = await GetWhenUpAsync(client, "/", server);
            string search = await client.GetStringAsync("/search?q=rectified+flow");
            string api = await client.GetStringAsync("/api/search?q=rectified+flow&limit=1");

            Assert.Contains("403 papers", home, StringComparison.Ordinal);
            Assert.Contains("<mark>", search, StringComparison.Ordinal);
            Assert.Contains("\"total\":", api, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task<string> GetWhenUpAsync(HttpClient client, string path, Process server)
    {
        // Bounded: 300 tries at 100 ms, so a server that never comes up fails the test instead of hanging it.
        for (int attempt = 0; attempt < 300; attempt++)
        {
            Assert.False(server.HasExited, $"paperboy serve exited with {(server.HasExited ? server.ExitCode : 0)}");
            try
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("paperboy serve did not answer");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
