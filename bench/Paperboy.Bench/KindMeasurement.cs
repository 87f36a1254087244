using System.Diagnostics;
using Paperboy.Ingest.Synthetic;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>The engines a query runs on: ours with two rankings over one index, and the FTS5 peer.</summary>
/// <param name="Bm25">Plain BM25F (no feedback, no proximity): the ranking FTS5 and Xapian use.</param>
/// <param name="Defaults">The product's settings: RM3 feedback re-ranking and term-pair proximity.</param>
/// <param name="Keys">Our key of each FTS5 rowid (rowid = position in the corpus).</param>
/// <param name="Log">Where queries whose match counts differ are named.</param>
internal sealed record Engines(SearchIndex Bm25, SearchIndex Defaults, Fts5Searcher Fts5, string[] Keys, TextWriter Log);

/// <summary>
/// Every query of one group timed on each engine once, with the untimed checks: how many documents
/// each side matches (our exact count against FTS5's count(*): a search that stopped counting at
/// <see cref="SearchRequest.ExactTotalUpTo"/> is counted again in full, off the clock), and how many of
/// the top 10 both return.
/// The three engines take turns going first, so none always runs on caches another warmed and a burst
/// of load from other processes hits all alike.
/// </summary>
internal sealed class KindMeasurement
{
    public const int Limit = 10;

    private KindMeasurement(string kind, string example)
    {
        Kind = kind;
        Example = example;
    }

    public string Kind { get; }
    public string Example { get; }
    public List<double> Bm25 { get; } = [];
    public List<double> Defaults { get; } = [];
    public List<double> Fts5 { get; } = [];
    public long OurMatches { get; private set; }
    public long Fts5Matches { get; private set; }
    public int CountsDiffer { get; private set; }

    /// <summary>Queries whose timed search stopped counting and reported its total as a lower bound.</summary>
    public int LowerBounds { get; private set; }
    public long OurHits { get; private set; }
    public long Fts5Hits { get; private set; }
    public double Overlap { get; private set; }
    public int Queries => Bm25.Count;

    public static KindMeasurement Run(string kind, IReadOnlyList<SyntheticQuery> queries, Engines engines)
    {
        var measurement = new KindMeasurement(kind, queries[0].Text);
        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            SearchResults? ours = null;
            List<long>? peer = null;
            for (var turn = 0; turn < 3; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                switch ((i + turn) % 3)
                {
                    case 0:
                        ours = Search(engines.Bm25, query);
                        measurement.Bm25.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        break;
                    case 1:
                        Search(engines.Defaults, query);
                        measurement.Defaults.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        break;
                    default:
                        peer = engines.Fts5.Search(query, Limit);
                        measurement.Fts5.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        break;
                }
            }
            measurement.Check(query, ours!, peer!, engines);
        }
        return measurement;
    }

    /// <summary>Two groups' samples and checks as one (the two- and three-word ORs together).</summary>
    public static KindMeasurement Pool(string kind, KindMeasurement first, KindMeasurement second)
    {
        var pooled = new KindMeasurement(kind, $"{first.Example} / {second.Example}");
        foreach (var part in new[] { first, second })
        {
            pooled.Bm25.AddRange(part.Bm25);
            pooled.Defaults.AddRange(part.Defaults);
            pooled.Fts5.AddRange(part.Fts5);
            pooled.OurMatches += part.OurMatches;
            pooled.Fts5Matches += part.Fts5Matches;
            pooled.CountsDiffer += part.CountsDiffer;
            pooled.LowerBounds += part.LowerBounds;
            pooled.OurHits += part.OurHits;
            pooled.Fts5Hits += part.Fts5Hits;
            pooled.Overlap += part.Overlap;
        }
        return pooled;
    }

    public static SearchResults Search(SearchIndex index, SyntheticQuery query) =>
        index.Search(new SearchRequest(query.Text) { Limit = Limit, Highlight = false });

    public KindFigures Figures()
    {
        var bm25 = Latency.Of(Bm25);
        var defaults = Latency.Of(Defaults);
        var fts5 = Latency.Of(Fts5);
        return new KindFigures(Kind, Example, bm25, defaults, fts5,
            fts5.P50Ms / bm25.P50Ms, fts5.P99Ms / bm25.P99Ms, fts5.P50Ms / defaults.P50Ms, fts5.P99Ms / defaults.P99Ms,
            (double)OurMatches / Queries, (double)Fts5Matches / Queries, CountsDiffer, LowerBounds,
            (double)OurHits / Queries, (double)Fts5Hits / Queries, Overlap / Queries);
    }

    private void Check(SyntheticQuery query, SearchResults ours, List<long> peer, Engines engines)
    {
        var peerMatches = engines.Fts5.Count(query);
        var ourMatches = ours.TotalIsLowerBound ? engines.Bm25.Count(query.Text) : ours.TotalMatches;
        OurMatches += ourMatches;
        Fts5Matches += peerMatches;
        if (ours.TotalIsLowerBound)
        {
            LowerBounds++;
        }
        if (ourMatches != peerMatches || ours.TotalMatches > ourMatches)
        {
            CountsDiffer++;
            engines.Log.WriteLine($"bench: {Kind} {query.Text}: ours matches {ourMatches:N0} (reported {ours.TotalMatches:N0}), FTS5 {peerMatches:N0}");
        }
        OurHits += ours.Hits.Count;
        Fts5Hits += peer.Count;
        var peerKeys = peer.Select(rowid => engines.Keys[rowid]).ToHashSet(StringComparer.Ordinal);
        Overlap += peerKeys.Count == 0 && ours.Hits.Count == 0
            ? 1
            : (double)ours.Hits.Count(h => peerKeys.Contains(h.Key)) / Math.Max(peerKeys.Count, ours.Hits.Count);
    }
}

/// <summary>
/// One query kind's figures. Speed ratios are FTS5's time over ours: above 1 we are faster. Matches are
/// means over the queries; <see cref="CountsDiffer"/> counts queries where the two engines matched a
/// different number of documents, <see cref="LowerBounds"/> those whose timed search reported its total
/// as a lower bound (it stopped counting; the matches compared are the full count). Overlap is the mean share of top-10 keys both return (the rankings
/// differ: BM25F with b per field against FTS5's bm25 over the whole row, and ties break differently).
/// </summary>
internal sealed record KindFigures(
    string Kind,
    string Example,
    Latency Bm25,
    Latency Defaults,
    Latency Fts5,
    double Bm25P50SpeedVsFts5,
    double Bm25P99SpeedVsFts5,
    double DefaultsP50SpeedVsFts5,
    double DefaultsP99SpeedVsFts5,
    double OurMeanMatches,
    double Fts5MeanMatches,
    int CountsDiffer,
    int LowerBounds,
    double OurMeanHits,
    double Fts5MeanHits,
    double Top10Overlap);
