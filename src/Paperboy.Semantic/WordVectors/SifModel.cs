using System.Security.Cryptography;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// The corpus statistics of SIF (Arora, Liang and Ma 2017, "A Simple but Tough-to-Beat Baseline for
/// Sentence Embeddings", ICLR): each word's frequency p(w) in the corpus, which gives its weight
/// a / (a + p(w)), and the common component, the first principal direction of the corpus' weighted
/// sentence vectors, which every embedding has removed. Fitted once per corpus and saved
/// (<see cref="SifModelFile"/>); <see cref="Fingerprint"/> covers the vectors and the fit, because
/// changing either changes every embedding.
/// </summary>
public sealed class SifModel
{
    /// <summary>The paper finds a between 1e-4 and 1e-3 works across tasks; 1e-3 keeps more weight on mid-frequency words.</summary>
    public const double DefaultA = 1e-3;

    /// <summary>
    /// A word the fit corpus never had counts as half an occurrence: rarer than any word it had, so it
    /// weighs the most, as a rare word should, without dividing by zero.
    /// </summary>
    public const double UnseenCount = 0.5;

    internal SifModel(string vectorsChecksum, int dimensions, double a, long totalCount, IReadOnlyDictionary<int, int> counts, float[] component)
    {
        VectorsChecksum = vectorsChecksum;
        Dimensions = dimensions;
        A = a;
        TotalCount = totalCount;
        Counts = counts;
        Component = component;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(SifModelFile.Serialize(this)))[..16];
    }

    /// <summary>The <see cref="WordVectorTable.Checksum"/> of the table the model was fitted with.</summary>
    public string VectorsChecksum { get; }

    public int Dimensions { get; }

    public double A { get; }

    /// <summary>Known words in the fit corpus (words the table has vectors for).</summary>
    public long TotalCount { get; }

    /// <summary>How often each table row occurred in the fit corpus; rows never seen are absent.</summary>
    public IReadOnlyDictionary<int, int> Counts { get; }

    /// <summary>The common component, unit length (or zero for an empty corpus).</summary>
    public IReadOnlyList<float> Component { get; }

    /// <summary>16 hex digits of the SHA-256 of the saved model, which includes the vectors' checksum.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Counts words over <paramref name="corpusTexts"/>, then embeds each text with the resulting weights
    /// to find the common component: the texts are enumerated twice.
    /// </summary>
    public static SifModel Fit(WordVectorTable table, IEnumerable<string> corpusTexts, double a = DefaultA, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(corpusTexts);
        if (!(a > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "SIF: a must be positive");
        }
        var rowCounts = new int[table.Count];
        long total = 0;
        Span<char> buffer = stackalloc char[TextTokens.MaxLength];
        Span<int> rows = stackalloc int[WordResolver.MaxParts];
        foreach (var text in corpusTexts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tokens = new TextTokens(text, buffer);
            while (tokens.MoveNext(out var token))
            {
                var found = WordResolver.Resolve(table, token, rows);
                for (var r = 0; r < found; r++)
                {
                    rowCounts[rows[r]]++;
                }
                total += found;
            }
        }
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < rowCounts.Length; i++)
        {
            if (rowCounts[i] > 0)
            {
                counts[i] = rowCounts[i];
            }
        }

        var weights = Weights(table.Count, a, total, counts);
        var accumulator = new SifAccumulator(table, weights);
        var component = new CommonComponent(table.Dimensions);
        var sentence = new float[table.Dimensions];
        foreach (var text in corpusTexts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(sentence);
            var words = accumulator.Accumulate(text, sentence);
            if (words == 0)
            {
                continue;
            }
            for (var d = 0; d < sentence.Length; d++)
            {
                sentence[d] /= words; // the paper's average: long texts weigh no more than short ones
            }
            component.Add(sentence);
        }
        return new SifModel(table.Checksum, table.Dimensions, a, total, counts, component.Compute());
    }

    /// <summary>a / (a + p(w)) for every row of the table.</summary>
    internal float[] Weights(int rows) => Weights(rows, A, TotalCount, Counts);

    private static float[] Weights(int rows, double a, long total, IReadOnlyDictionary<int, int> counts)
    {
        var weights = new float[rows];
        var unseen = total == 0 ? 1.0 : a / (a + UnseenCount / total);
        Array.Fill(weights, (float)unseen);
        foreach (var (row, count) in counts)
        {
            weights[row] = (float)(a / (a + (double)count / total));
        }
        return weights;
    }
}
