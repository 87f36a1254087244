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
    private readonly byte[][] _byteLengths = new byte[Fields.Count][];
    private readonly double[][] _scales;

    /// <param name="collection">Where the average lengths come from: every live document of the snapshot.</param>
    /// <param name="segment">Whose documents this instance scores: their own lengths.</param>
    /// <param name="scales">The snapshot's <see cref="Scales"/> for these settings, shared by every segment.</param>
    public Bm25F(SearchSettings settings, SegmentSet collection, Segment segment, double[][] scales)
    {
        _scales = scales;
        K1 = settings.K1;
        foreach (var field in Fields.All)
        {
            _weights[(int)field] = Weight(settings, field);
            _b[(int)field] = B(settings, field);
            _averageLengths[(int)field] = collection.AverageLength(field);
            _lengths[(int)field] = segment[field].Lengths;
            _byteLengths[(int)field] = segment[field].ByteLengths;
        }
    }

    public double K1 { get; }

    /// <summary>
    /// The Robertson/Sparck Jones idf with 1 added inside the log, as Lucene's BM25Similarity does,
    /// so a term in more than half of the documents still scores above zero rather than below.
    /// </summary>
    public static double Idf(int docFreq, int docCount) =>
        Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));

    /// <summary>Field lengths below this have their scale w_f / B_f looked up, not computed.</summary>
    public const int TabulatedLengths = 1024;

    /// <summary>
    /// w_f / B_f of every field for lengths 0 to <see cref="TabulatedLengths"/> - 1: per snapshot, since B_f
    /// depends on the average length. A document's field frequency then costs a multiplication where it
    /// cost two divisions, and the score stays the same formula for every path that scores.
    /// </summary>
    public static double[][] Scales(SearchSettings settings, SegmentSet collection) => [.. Fields.All.Select(field =>
        Enumerable.Range(0, TabulatedLengths)
            .Select(length => ScaleOf(Weight(settings, field), B(settings, field), collection.AverageLength(field), length))
            .ToArray())];

    /// <summary>
    /// One field's contribution to the pseudo frequency tf~. The frequency may be fractional: term
    /// proximity feeds its distance-weighted pair count through the same weights and norms.
    /// </summary>
    public double FieldFrequency(Field field, int doc, double freq) =>
        freq * Scale((int)field, _lengths[(int)field][doc]);

    /// <summary>
    /// What <see cref="FieldFrequency"/> reads for one field, for loops over many postings: the
    /// documents' lengths in a byte (<see cref="FieldIndex.ByteLengths"/>) and the tabulated scales,
    /// which cover every length below <see cref="FieldIndex.LongLength"/>. A longer field goes to <see cref="FieldFrequency"/>.
    /// </summary>
    public (byte[] Lengths, double[] Scales) FieldTables(Field field) => (_byteLengths[(int)field], _scales[(int)field]);

    /// <summary>
    /// The largest <see cref="FieldFrequency"/> of any document whose field is at least
    /// <paramref name="minLength"/> long and holds the term at most <paramref name="maxFreq"/> times:
    /// the norm never falls as the length grows (b and the lengths are never negative), and the same
    /// operations in the same order round monotonically, so this is a bound bit for bit, not only in
    /// exact arithmetic. A postings list's <c>MaxFreq</c> and <c>MinFieldLength</c> give the bound of
    /// a whole list (MaxScore), a block's give the bound of the block (block-max, Ding &amp; Suel 2011).
    /// </summary>
    public double FieldFrequencyBound(Field field, int minLength, double maxFreq) =>
        maxFreq * Scale((int)field, minLength);

    // Non-increasing in the length, looked up or computed alike: the bound of a list is the scale of its shortest field.
    private double Scale(int f, int length)
    {
        var scales = _scales[f];
        return (uint)length < (uint)scales.Length ? scales[length] : ComputeScale(f, length);
    }

    private double ComputeScale(int f, int length) => ScaleOf(_weights[f], _b[f], _averageLengths[f], length);

    // A field holding the term has length >= 1, so the average is positive whenever this scores.
    private static double ScaleOf(double weight, double b, double average, int length) =>
        weight / (average > 0 ? (1 - b) + (b * length / average) : 1);

    private static double Weight(SearchSettings settings, Field field) => field switch
    {
        Field.Title => settings.TitleWeight,
        Field.Abstract => settings.AbstractWeight,
        _ => settings.AuthorsWeight,
    };

    private static double B(SearchSettings settings, Field field) => field switch
    {
        Field.Title => settings.TitleB,
        Field.Abstract => settings.AbstractB,
        _ => settings.AuthorsB,
    };

    public double Saturate(double pseudoFrequency) =>
        pseudoFrequency <= 0 ? 0 : pseudoFrequency / (K1 + pseudoFrequency);
}
