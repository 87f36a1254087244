using Paperboy.Search.Indexing;

namespace Paperboy.Search.Scoring;

/// <summary>
/// BM25F as in Robertson &amp; Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond"
/// (Foundations and Trends in IR 3(4), 2009), the BM25F section. Field frequencies are first
/// length-normalised per field and weighted, then summed into one pseudo frequency
///     tf~ = sum_f  w_f * tf_f / B_f,   B_f = (1 - b_f) + b_f * len_f / avglen_f
/// and only then saturated once:  score = idf * tf~ / (k1 + tf~).
/// Saturating after the sum is the point of BM25F: a word in the title and the abstract counts
/// as more evidence, but not as two independent BM25 scores added together.
/// </summary>
internal sealed class Bm25F
{
    private readonly double[] _weights = new double[Fields.Count];
    private readonly double[] _b = new double[Fields.Count];
    private readonly double[] _averageLengths = new double[Fields.Count];
    private readonly int[][] _lengths = new int[Fields.Count][];

    /// <param name="collection">Where the average lengths come from: every live document of the snapshot.</param>
    /// <param name="segment">Whose documents this instance scores: their own lengths.</param>
    public Bm25F(SearchSettings settings, SegmentSet collection, Segment segment)
    {
        K1 = settings.K1;
        _weights[(int)Field.Title] = settings.TitleWeight;
        _weights[(int)Field.Abstract] = settings.AbstractWeight;
        _weights[(int)Field.Authors] = settings.AuthorsWeight;
        _b[(int)Field.Title] = settings.TitleB;
        _b[(int)Field.Abstract] = settings.AbstractB;
        _b[(int)Field.Authors] = settings.AuthorsB;
        foreach (var field in Fields.All)
        {
            _averageLengths[(int)field] = collection.AverageLength(field);
            _lengths[(int)field] = segment[field].Lengths;
        }
    }

    public double K1 { get; }

    /// <summary>
    /// The Robertson/Sparck Jones idf with 1 added inside the log, as Lucene's BM25Similarity does,
    /// so a term in more than half of the documents still scores above zero rather than below.
    /// </summary>
    public static double Idf(int docFreq, int docCount) =>
        Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));

    /// <summary>
    /// One field's contribution to the pseudo frequency tf~. The frequency may be fractional: term
    /// proximity feeds its distance-weighted pair count through the same weights and norms.
    /// </summary>
    public double FieldFrequency(Field field, int doc, double freq) =>
        _weights[(int)field] * freq / Norm((int)field, _lengths[(int)field][doc]);

    /// <summary>
    /// The largest <see cref="FieldFrequency"/> of any document whose field is at least
    /// <paramref name="minLength"/> long and holds the term at most <paramref name="maxFreq"/> times:
    /// the norm never falls as the length grows (b and the lengths are never negative), and the same
    /// operations in the same order round monotonically, so this is a bound bit for bit, not only in
    /// exact arithmetic. A postings list's <c>MaxFreq</c> and <c>MinFieldLength</c> give the bound of
    /// a whole list (MaxScore), a block's give the bound of the block (block-max, Ding &amp; Suel 2011).
    /// </summary>
    public double FieldFrequencyBound(Field field, int minLength, double maxFreq) =>
        _weights[(int)field] * maxFreq / Norm((int)field, minLength);

    private double Norm(int f, int length)
    {
        var average = _averageLengths[f];
        // A field holding the term has length >= 1, so the average is positive whenever this runs.
        return average > 0 ? (1 - _b[f]) + (_b[f] * length / average) : 1;
    }

    public double Saturate(double pseudoFrequency) =>
        pseudoFrequency <= 0 ? 0 : pseudoFrequency / (K1 + pseudoFrequency);
}
