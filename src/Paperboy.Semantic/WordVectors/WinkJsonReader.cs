using System.Text.Json;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Streams the vectors out of a wink-embeddings JSON file (<c>{"dimensions":100, "words":[...],
/// "vectors":{"the":[100 floats, l2norm, index], ...}, ...}</c>) with <see cref="Utf8JsonReader"/> over a
/// buffer refilled from the stream, so the 307 MB file is never held whole. Each vector's first
/// <c>dimensions</c> numbers are the components; wink's trailing norm and index are ignored.
/// </summary>
internal static class WinkJsonReader
{
    public static async Task ReadAsync(Stream stream, Func<int, WordVectorTableWriter> start, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var filled = 0;
        var final = false;
        var state = new JsonReaderState();
        var parse = new ParseState();
        while (true)
        {
            if (!final && filled < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                filled += read;
                final = read == 0;
                if (!final)
                {
                    continue; // fill the buffer before parsing, to parse in big steps
                }
            }
            var consumed = Parse(buffer.AsSpan(0, filled), final, ref state, parse, start);
            if (final)
            {
                break;
            }
            if (consumed == 0 && filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // one token longer than the buffer
            }
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }
        if (parse.Writer is null)
        {
            throw new InvalidDataException("word vectors: no \"vectors\" object in the wink JSON");
        }
    }

    private static int Parse(ReadOnlySpan<byte> bytes, bool final, ref JsonReaderState state, ParseState parse, Func<int, WordVectorTableWriter> start)
    {
        var reader = new Utf8JsonReader(bytes, final, state);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    parse.TopProperty = reader.GetString();
                    break;
                case JsonTokenType.Number when reader.CurrentDepth == 1 && parse.TopProperty == "dimensions":
                    parse.Dimensions = reader.GetInt32();
                    break;
                case JsonTokenType.StartObject when reader.CurrentDepth == 1 && parse.TopProperty == "vectors":
                    if (parse.Dimensions <= 0)
                    {
                        throw new InvalidDataException("word vectors: the wink JSON gives no \"dimensions\" before its \"vectors\"");
                    }
                    parse.Writer = start(parse.Dimensions);
                    parse.Vector = new float[parse.Dimensions];
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == 2 && parse.TopProperty == "vectors":
                    parse.Word = reader.GetString();
                    parse.Components = 0;
                    break;
                case JsonTokenType.Number when reader.CurrentDepth == 3 && parse.TopProperty == "vectors":
                    if (parse.Components < parse.Vector.Length)
                    {
                        parse.Vector[parse.Components] = reader.GetSingle();
                    }
                    parse.Components++;
                    break;
                case JsonTokenType.EndArray when reader.CurrentDepth == 2 && parse.TopProperty == "vectors":
                    if (parse.Components < parse.Vector.Length)
                    {
                        throw new InvalidDataException($"word vectors: \"{parse.Word}\" has {parse.Components} numbers, expected at least {parse.Vector.Length}");
                    }
                    parse.Writer!.Add(parse.Word!, parse.Vector);
                    break;
            }
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private sealed class ParseState
    {
        public string? TopProperty;
        public int Dimensions;
        public WordVectorTableWriter? Writer;
        public float[] Vector = [];
        public string? Word;
        public int Components;
    }
}
