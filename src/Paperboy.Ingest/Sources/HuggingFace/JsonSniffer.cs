namespace Paperboy.Ingest.Sources.HuggingFace;

/// <summary>Finds the first significant byte of a JSON payload without consuming it.</summary>
internal static class JsonSniffer
{
    private const int ChunkSize = 4096;

    /// <returns>The first byte after a UTF-8 byte-order mark and JSON whitespace (RFC 8259 section 2), or null for an
    /// empty payload; and a stream that still starts at that byte.</returns>
    public static async Task<(byte? First, Stream Remainder)> FirstByteAsync(Stream input, CancellationToken ct)
    {
        var buffer = new byte[ChunkSize];
        var atStart = true;
        while (true)
        {
            var read = await input.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return (null, input);
            }

            var start = atStart && read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            atStart = false;
            for (var i = start; i < read; i++)
            {
                if (buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
                {
                    return (buffer[i], new PrefixedStream(buffer.AsMemory(i, read - i), input));
                }
            }
        }
    }
}
