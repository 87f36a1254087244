using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Paperboy.Application.Mail;

/// <summary>
/// A small SMTP client (RFC 5321): EHLO, STARTTLS (RFC 3207), AUTH PLAIN or LOGIN (RFC 4954), then
/// transactions of MAIL FROM, RCPT TO and DATA with dot-stuffing, and QUIT. Replies are values; only a
/// broken session (closed connection, timeout, a reply that is not SMTP) throws. The end of DATA is
/// written on its own (<see cref="WriteEndOfDataAsync"/>) so the outbox can record it beside that write.
/// </summary>
public sealed class SmtpConnection : IAsyncDisposable
{
    private const int MaxReplyLine = 4096;
    private readonly TcpClient _tcp;
    private readonly SmtpOptions _options;
    private readonly byte[] _buffer = new byte[8192];
    private Stream _stream;
    private int _start;
    private int _end;

    private SmtpConnection(TcpClient tcp, SmtpOptions options)
    {
        _tcp = tcp;
        _options = options;
        _stream = tcp.GetStream();
    }

    public bool IsTls => _stream is SslStream;

    /// <summary>Connects, reads the greeting, says EHLO, upgrades with STARTTLS and authenticates as the options say.</summary>
    public static async Task<SmtpConnection> OpenAsync(SmtpOptions options, RemoteCertificateValidationCallback? certificateValidation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(options.ConnectTimeout);
                try
                {
                    await tcp.ConnectAsync(options.Host!, options.Port, connecting.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"smtp: no connection to {options.Host}:{options.Port} within {options.ConnectTimeout}");
                }
            }
            var connection = new SmtpConnection(tcp, options);
            try
            {
                await connection.StartAsync(certificateValidation, cancellationToken);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        catch (SocketException e)
        {
            tcp.Dispose();
            throw new IOException($"smtp: unable to connect to {options.Host}:{options.Port}: {e.Message}", e);
        }
    }

    private async Task StartAsync(RemoteCertificateValidationCallback? certificateValidation, CancellationToken cancellationToken)
    {
        var greeting = await ReadReplyAsync(cancellationToken);
        if (greeting.Code != 220)
        {
            throw new SmtpException("smtp: the server refused the session", greeting);
        }
        var extensions = await HelloAsync(cancellationToken);
        bool offered = extensions.Contains("STARTTLS");
        if (_options.StartTls == StartTlsMode.Always && !offered)
        {
            throw new SmtpException($"smtp: {_options.Host} does not offer STARTTLS and Paperboy:Smtp:StartTls is Always");
        }
        if (offered && _options.StartTls != StartTlsMode.Never)
        {
            var ready = await CommandAsync("STARTTLS", cancellationToken);
            if (ready.Code != 220)
            {
                throw new SmtpException("smtp: STARTTLS refused", ready);
            }
            if (_start != _end)
            {
                // Bytes already buffered past the 220 were sent in clear but would be read as if from inside
                // TLS: a man in the middle injecting replies (RFC 3207 section 5, CVE-2011-0411). Stop here.
                throw new SmtpException($"smtp: {_options.Host} sent data after its STARTTLS reply; not starting TLS on a tampered connection");
            }
            var tls = new SslStream(_stream, leaveInnerStreamOpen: false, certificateValidation);
            try
            {
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _options.Host }, cancellationToken);
            }
            catch (AuthenticationException e)
            {
                throw new SmtpException($"smtp: TLS with {_options.Host} failed: {e.Message}", e);
            }
            _stream = tls;
            // RFC 3207 section 4.2: forget what was learnt before TLS and ask again.
            extensions = await HelloAsync(cancellationToken);
        }
        if (!string.IsNullOrEmpty(_options.Username))
        {
            if (!IsTls)
            {
                throw new SmtpException("smtp: credentials are configured but the connection is not TLS; they are never sent in clear");
            }
            await AuthenticateAsync(extensions, cancellationToken);
        }
    }

    private async Task<HashSet<string>> HelloAsync(CancellationToken cancellationToken)
    {
        var reply = await CommandAsync($"EHLO {_options.HeloName}", cancellationToken);
        if (reply.Code != 250)
        {
            throw new SmtpException("smtp: EHLO refused", reply);
        }
        // The first line names the server; each further line is one extension, keyword first.
        return reply.Text.Split('\n').Skip(1)
            .Select(line => line.Split(' ', 2)[0].ToUpperInvariant())
            .Concat(reply.Text.Split('\n').Skip(1).Where(l => l.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase))
                .SelectMany(l => l.Split(' ').Skip(1).Select(m => "AUTH=" + m.ToUpperInvariant())))
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task AuthenticateAsync(HashSet<string> extensions, CancellationToken cancellationToken)
    {
        string user = _options.Username!, password = _options.Password ?? "";
        SmtpReply reply;
        if (extensions.Contains("AUTH=PLAIN") || !extensions.Contains("AUTH=LOGIN"))
        {
            reply = await CommandAsync("AUTH PLAIN " + Base64($"\0{user}\0{password}"), cancellationToken);
        }
        else
        {
            reply = await CommandAsync("AUTH LOGIN", cancellationToken);
            if (reply.Code == 334)
            {
                reply = await CommandAsync(Base64(user), cancellationToken);
            }
            if (reply.Code == 334)
            {
                reply = await CommandAsync(Base64(password), cancellationToken);
            }
        }
        if (reply.Code != 235)
        {
            throw new SmtpException($"smtp: authentication as {user} failed", reply);
        }
    }

    public Task<SmtpReply> MailFromAsync(string address, CancellationToken cancellationToken) =>
        CommandAsync($"MAIL FROM:<{Checked(address)}>", cancellationToken);

    public Task<SmtpReply> RcptToAsync(string address, CancellationToken cancellationToken) =>
        CommandAsync($"RCPT TO:<{Checked(address)}>", cancellationToken);

    /// <summary>Sends DATA; the reply is 354 when the server waits for the message.</summary>
    public Task<SmtpReply> DataAsync(CancellationToken cancellationToken) => CommandAsync("DATA", cancellationToken);

    /// <summary>Writes the message with every line that starts with a dot doubled (RFC 5321 section 4.5.2); it must end in CRLF.</summary>
    public async Task WriteMessageAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (message.Length < 2 || message.Span[^2] != '\r' || message.Span[^1] != '\n')
        {
            throw new ArgumentException("smtp: a message must end with CRLF", nameof(message));
        }
        var stuffed = new MemoryStream(message.Length + 64);
        bool lineStart = true;
        foreach (byte b in message.Span)
        {
            if (lineStart && b == '.')
            {
                stuffed.WriteByte((byte)'.');
            }
            stuffed.WriteByte(b);
            lineStart = b == '\n';
        }
        await WithTimeoutAsync(token => _stream.WriteAsync(stuffed.GetBuffer().AsMemory(0, (int)stuffed.Length), token), cancellationToken);
    }

    /// <summary>Writes the lone dot that ends DATA, in one write; the server's reply is read with <see cref="ReadReplyAsync"/>.</summary>
    public async Task WriteEndOfDataAsync(CancellationToken cancellationToken)
    {
        await WithTimeoutAsync(token => _stream.WriteAsync(".\r\n"u8.ToArray(), token), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    public Task<SmtpReply> ResetAsync(CancellationToken cancellationToken) => CommandAsync("RSET", cancellationToken);

    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CommandAsync("QUIT", cancellationToken);
        }
        catch (Exception e) when (e is IOException or SmtpException or TimeoutException)
        {
            // The messages are already accepted; a server that hangs up first has lost nothing.
        }
    }

    public async Task<SmtpReply> CommandAsync(string line, CancellationToken cancellationToken)
    {
        if (line.Any(c => c is '\r' or '\n'))
        {
            throw new ArgumentException("smtp: a command cannot hold a line break", nameof(line));
        }
        await WithTimeoutAsync(token => _stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), token), cancellationToken);
        await _stream.FlushAsync(cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    /// <summary>One reply, however many lines ("250-..." then "250 ...").</summary>
    public async Task<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (true)
        {
            string line = await ReadLineAsync(cancellationToken);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int code)
                || (line.Length > 3 && line[3] is not (' ' or '-')))
            {
                throw new SmtpException($"smtp: not an SMTP reply: \"{line[..Math.Min(line.Length, 80)]}\"");
            }
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            text.Append(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReply(code, text.ToString());
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await WithTimeoutAsync(token => _stream.ReadAsync(_buffer, token), cancellationToken);
                if (_end == 0)
                {
                    throw new IOException($"smtp: {_options.Host} closed the connection");
                }
            }
            byte b = _buffer[_start++];
            if (b == '\n')
            {
                if (line.Count > 0 && line[^1] == '\r')
                {
                    line.RemoveAt(line.Count - 1);
                }
                return Encoding.UTF8.GetString(line.ToArray());
            }
            if (line.Count >= MaxReplyLine)
            {
                throw new SmtpException("smtp: a reply line is too long");
            }
            line.Add(b);
        }
    }

    private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CommandTimeout);
        try
        {
            return await operation(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"smtp: {_options.Host} did not answer within {_options.CommandTimeout}");
        }
    }

    private Task WithTimeoutAsync(Func<CancellationToken, ValueTask> operation, CancellationToken cancellationToken) =>
        WithTimeoutAsync(async token => { await operation(token); return 0; }, cancellationToken);

    private static string Checked(string address) =>
        address.Any(c => c is '<' or '>' or ' ' || char.IsControl(c))
            ? throw new ArgumentException($"smtp: not a bare address: {address}", nameof(address))
            : address;

    private static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
