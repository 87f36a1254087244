using System.Net;
using System.Net.Sockets;
using System.Text;
using Paperboy.Application.Mail;

namespace Paperboy.Application.Tests.Mail;

/// <summary>
/// A hostile server on 127.0.0.1 (aiosmtpd cannot misbehave this way): replies sent in clear right behind
/// the 220 to STARTTLS must not be read as if they had come inside TLS (RFC 3207 section 5).
/// </summary>
public sealed class StartTlsInjectionTests
{
    [Fact]
    public async Task Replies_pipelined_in_clear_after_the_STARTTLS_go_ahead_end_the_session_before_TLS()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var received = new List<string>();
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await stream.WriteAsync("220 mitm.example ESMTP\r\n"u8.ToArray());
            received.Add(await reader.ReadLineAsync() ?? "");
            await stream.WriteAsync("250-mitm.example\r\n250 STARTTLS\r\n"u8.ToArray());
            received.Add(await reader.ReadLineAsync() ?? "");
            // The go-ahead and a forged answer to the EHLO the client will send inside TLS, in one write.
            await stream.WriteAsync("220 go ahead\r\n250 AUTH PLAIN\r\n"u8.ToArray());
            received.Add(await reader.ReadLineAsync() ?? "(closed)");
        });
        var options = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)listener.LocalEndpoint).Port,
            From = "digests@paperboy.example.org",
            StartTls = StartTlsMode.Always,
        };

        var refused = await Assert.ThrowsAsync<SmtpException>(() => SmtpConnection.OpenAsync(options, (_, _, _, _) => true, CancellationToken.None));
        await server;

        Assert.Equal("smtp: 127.0.0.1 sent data after its STARTTLS reply; not starting TLS on a tampered connection", refused.Message);
        // No TLS handshake began (its first bytes would be a ClientHello, not a closed stream).
        Assert.Equal(["EHLO localhost", "STARTTLS", "(closed)"], received);
    }
}
