using System.Globalization;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Reads the plain GloVe text format, <c>word v1 v2 ... vN</c> a line (glove.6B.300d.txt and friends).
/// The last N fields are the numbers and the rest is the word, because some GloVe files have words with
/// spaces; N is fixed by the first line. A word2vec-style first line <c>count dimensions</c> is skipped.
/// </summary>
internal static class GloveTextReader
{
    public static async Task ReadAsync(TextReader reader, Func<int, WordVectorTableWriter> start, CancellationToken cancellationToken)
    {
        WordVectorTableWriter? writer = null;
        float[] vector = [];
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            var fields = line.TrimEnd().Split(' ');
            if (fields.Length < 2)
            {
                continue;
            }
            if (writer is null)
            {
                if (fields.Length == 2 && int.TryParse(fields[0], CultureInfo.InvariantCulture, out _) && int.TryParse(fields[1], CultureInfo.InvariantCulture, out _))
                {
                    continue; // the word2vec header
                }
                var dimensions = fields.Length - 1;
                while (dimensions > 1 && !float.TryParse(fields[^dimensions], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    dimensions--;
                }
                writer = start(dimensions);
                vector = new float[dimensions];
            }
            if (fields.Length <= vector.Length)
            {
                throw new InvalidDataException($"word vectors: line {lineNumber} has {fields.Length - 1} numbers, expected {vector.Length}");
            }
            var numbersStart = fields.Length - vector.Length;
            for (var i = 0; i < vector.Length; i++)
            {
                if (!float.TryParse(fields[numbersStart + i], NumberStyles.Float, CultureInfo.InvariantCulture, out vector[i]))
                {
                    throw new InvalidDataException($"word vectors: line {lineNumber}: \"{fields[numbersStart + i]}\" is not a number");
                }
            }
            writer.Add(string.Join(' ', fields, 0, numbersStart), vector);
        }
        if (writer is null)
        {
            throw new InvalidDataException("word vectors: the GloVe text file has no vectors");
        }
    }
}
