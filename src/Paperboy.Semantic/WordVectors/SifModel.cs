using System.Security.Cryptography;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// The corpus statistics of SIF (Arora, Liang and Ma 2017, "A Simple but Tough-to-Beat Baseline for
/// Sentence Embeddings", ICLR): each word's frequency p(w), which gives its weight a / (a + p(w)), and
/// the common components, the top principal directions of the corpus' weighted sentence vectors, which
/// every embedding has removed. Fitted once per corpus and saved (<see cref="SifModelFile"/>);
/// <see cref="Fingerprint"/> covers the vectors and the fit, because changing either changes every embedding.
/// <para>
/// p(w) is the corpus count smoothed towards general English (a Dirichlet prior, as in Zhai and
/// Lafferty 2001's language-model smoothing): p(w) = (c(w) + mu q(w)) / (N + mu), where q(w) is Zipf's
/// law over the table's rows, 1 / (rank H), since word-vector tables (GloVe, wink) list words by
/// frequency. A few hundred abstracts never use most everyday words; with raw corpus counts those
/// looked rarer than any jargon and outweighed it in a plain-English query (docs/SEMANTIC.md, "Ranking quality").
/// </para>
/// </summary>
public sealed class SifModel
{
    /// <summary>
    /// The paper finds a between 1e-4 and 1e-3 works across tasks; 3e-4 measured best in that range for
    /// search with the smoothed p(w) (docs/SEMANTIC.md, "Ranking quality").
    /// </summary>
    public const double DefaultA = 3e-4;

    /// <summary>
    /// mu, the prior's weight in words: the corpus' own counts outweigh general English once it holds about
    /// a million words (some 5,000 abstracts), so a small library leans on the prior and a large one on itself.
    /// </summary>
    public const double DefaultPriorWords = 1e6;

    /// <summary>
    /// How many common components are removed. The paper removes one; on abstracts the second and third
    /// directions are still shared by every text (generic research wording) and made a few papers the
    /// nearest neighbour of most queries. Three measured best on 100 dimensions; more start removing topic
    /// (docs/SEMANTIC.md, "Ranking quality"). Tables of few dimensions get fewer (<see cref="ComponentsFor"/>).
    /// </summary>
    public const int DefaultComponents = 3;

    /// <summary>
    /// The default number of components for a table: <see cref="DefaultComponents"/>, but at most one per 25
    /// dimensions and at least one. The shared directions are a small part of the space; in a small one
    /// (test tables of 6 or 12 dimensions) the next directions are already the topics.
    /// </summary>
    public static int ComponentsFor(int dimensions) => Math.Clamp(dimensions / 25, 1, DefaultComponents);

    internal SifModel(string vectorsChecksum, int dimensions, double a, double priorWords, long totalCount, IReadOnlyDictionary<int, int> counts, float[][] components)
    {
        VectorsChecksum = vectorsChecksum;
        Dimensions = dimensions;
        A = a;
        PriorWords = priorWords;
        TotalCount = totalCount;
        Counts = counts;
        Components = components;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(SifModelFile.Serialize(this)))[..16];
    }

    /// <summary>The <see cref="WordVectorTable.Checksum"/> of the table the model was fitted with.</summary>
    public string VectorsChecksum { get; }

    public int Dimensions { get; }

    public double A { get; }

    /// <summary>mu: the weight of the general-English prior, in words.</summary>
    public double PriorWords { get; }

    /// <summary>Known words in the fit corpus (words the table has vectors for).</summary>
    public long TotalCount { get; }

    /// <summary>How often each table row occurred in the fit corpus; rows never seen are absent.</summary>
    public IReadOnlyDictionary<int, int> Counts { get; }

    /// <summary>The common components, unit length and orthogonal, largest first (none for an empty corpus).</summary>
    public IReadOnlyList<float[]> Components { get; }

    /// <summary>16 hex digits of the SHA-256 of the saved model, which includes the vectors' checksum.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Counts words over <paramref name="corpusTexts"/>, then embeds each text with the resulting weights
    /// to find the common components: the texts are enumerated twice.
    /// </summary>
    public static SifModel Fit(
        WordVectorTable table,
        IEnumerable<string> corpusTexts,
        double a = DefaultA,
        double priorWords = DefaultPriorWords,
        int? components = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(corpusTexts);
        if (!(a > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "SIF: a must be positive");
        }
        if (!(priorWords >= 0 && double.IsFinite(priorWords)))
        {
            throw new ArgumentOutOfRangeException(nameof(priorWords), priorWords, "SIF: the prior's weight must be a finite count of words, 0 or more");
        }
        var removed = components ?? ComponentsFor(table.Dimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(removed, nameof(components));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(removed, table.Dimensions, nameof(components));
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

        var weights = Weights(table.Count, a, priorWords, total, counts);
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
        return new SifModel(table.Checksum, table.Dimensions, a, priorWords, total, counts, component.Top(removed));
    }

    /// <summary>a / (a + p(w)) for every row of the table.</summary>
    internal float[] Weights(int rows) => Weights(rows, A, PriorWords, TotalCount, Counts);

    /// <summary>Zipf's law over a frequency-ordered table: the word at 0-based <paramref name="row"/> has probability 1 / ((row + 1) H).</summary>
    internal static double Prior(int row, double harmonic) => 1.0 / ((row + 1) * harmonic);

    /// <summary>H, the harmonic number of the table's size, which makes the Zipf prior sum to 1.</summary>
    internal static double Harmonic(int rows)
    {
        double harmonic = 0;
        for (var r = rows; r >= 1; r--)
        {
            harmonic += 1.0 / r; // smallest terms first, for accuracy
        }
        return harmonic;
    }

    private static float[] Weights(int rows, double a, double priorWords, long total, IReadOnlyDictionary<int, int> counts)
    {
        var weights = new float[rows];
        var harmonic = Harmonic(rows);
        // An empty corpus with no prior has no frequencies at all: every word weighs the same.
        var denominator = total + priorWords;
        for (var row = 0; row < rows; row++)
        {
            var count = counts.TryGetValue(row, out var c) ? c : 0;
            var p = denominator > 0 ? (count + priorWords * Prior(row, harmonic)) / denominator : 0;
            weights[row] = (float)(a / (a + p));
        }
        return weights;
    }
}
