using Paperboy.Search.Collectors;
using Paperboy.Search.Indexing;

namespace Paperboy.Search.Scoring;

/// <summary>
/// The best k documents of a pure disjunction in one segment, by MaxScore (Turtle &amp; Flood, "Query
/// evaluation: strategies and optimizations", IP&amp;M 31(6), 1995) over windows of documents with
/// block-max bounds (Ding &amp; Suel, "Faster top-k document retrieval using block-max indexes",
/// SIGIR 2011), as Lucene's MaxScoreBulkScorer does. In each window, the clauses are sorted by their
/// bound there (<see cref="Scorer.MaxScoreUpTo"/>). While the top k fill up, every match is scored;
/// afterwards the k-th best score so far is a threshold, and the clauses with the smallest bounds whose
/// bounds together do not exceed it are non-essential: a document that matches only them cannot enter
/// the top k, so only the documents of the other, essential, clauses are candidates. A candidate's
/// essential scores are added first, then the non-essential clauses, largest bound first, are moved to
/// it one at a time, and the candidate is dropped as soon as its score so far plus the bounds of the
/// clauses not yet seen cannot exceed the threshold. As the threshold rises, more clauses become
/// non-essential; a window where all are is passed without reading its postings.
/// <para>
/// A window ends where a block of an essential clause ends, so that clause's bound is its block's; the
/// other clauses' bounds cover all their blocks up to there. Each window reads a few skip entries per
/// clause, against a block of candidates of its leading clause.
/// </para>
/// <para>
/// Ties: the collector ranks equal scores by lower doc id, and documents arrive in increasing id (in a
/// segment, and segment after segment), so a document that can at best equal the threshold ranks after
/// the k already kept and would never be kept: skipping it is safe, and "cannot exceed" is the test.
/// </para>
/// <para>
/// The kept documents' scores are bit for bit those of the exhaustive path: each clause's score comes
/// from the same scorer, and they are summed from 0 in the clause order <see cref="DisjunctionScorer"/>
/// sums them in. Bounds only decide what is skipped (<see cref="ScoreBounds"/> for their margin).
/// </para>
/// </summary>
internal sealed class MaxScoreBulkScorer
{
    private readonly Scorer[] _clauses;
    private readonly int[] _byBound;      // clause indexes, smallest bound in the window first
    private readonly double[] _bounds;    // each clause's bound in the window
    private readonly double[] _prefix;    // _prefix[i]: the bounds of _byBound[0..i] summed
    private readonly double[] _scores;    // each clause's score on the current candidate
    private readonly bool[] _matched;     // whether the clause matches the current candidate

    public MaxScoreBulkScorer(Scorer[] clauses)
    {
        _clauses = clauses;
        _byBound = [.. Enumerable.Range(0, clauses.Length)];
        _bounds = new double[clauses.Length];
        _prefix = new double[clauses.Length];
        _scores = new double[clauses.Length];
        _matched = new bool[clauses.Length];
    }

    /// <summary>Offers the segment's competitive matches to <paramref name="collector"/> (which must rank by score).</summary>
    public void Score(SegmentView view, DisjunctionParts parts, TopKCollector collector)
    {
        var essential = 0; // before the first window every clause leads
        for (var start = 0; start != Scorer.NoMoreDocs;)
        {
            var end = WindowEnd(start, essential);
            var threshold = collector.MinCompetitiveScore;
            essential = Partition(start, end, threshold);
            if (essential < _clauses.Length)
            {
                ScoreWindow(view, parts, collector, start, end, essential);
            }
            start = end == Scorer.NoMoreDocs ? end : end + 1;
        }
    }

    // Where the first block of a leading clause at or after start ends: the essential ones, or the one
    // with the largest bound when none was (the window's bounds may make it essential again).
    private int WindowEnd(int start, int essential)
    {
        var end = Scorer.NoMoreDocs;
        for (var i = Math.Min(essential, _byBound.Length - 1); i < _byBound.Length; i++)
        {
            var clause = _clauses[_byBound[i]];
            end = Math.Min(end, clause.AdvanceShallow(Math.Max(start, clause.DocId)));
        }
        return end;
    }

    // Bounds every clause over [start, end], sorts the clauses by them and returns the first essential one.
    private int Partition(int start, int end, double threshold)
    {
        for (var c = 0; c < _clauses.Length; c++)
        {
            _clauses[c].AdvanceShallow(start);
            _bounds[c] = _clauses[c].MaxScoreUpTo(end);
        }
        // A handful of clauses: insertion sort, which also keeps the last window's order cheap to restore.
        for (var i = 1; i < _byBound.Length; i++)
        {
            var c = _byBound[i];
            var j = i - 1;
            for (; j >= 0 && _bounds[_byBound[j]] > _bounds[c]; j--)
            {
                _byBound[j + 1] = _byBound[j];
            }
            _byBound[j + 1] = c;
        }
        var sum = 0.0;
        for (var i = 0; i < _byBound.Length; i++)
        {
            sum += _bounds[_byBound[i]];
            _prefix[i] = sum;
        }
        return FirstEssential(0, threshold);
    }

    private void ScoreWindow(SegmentView view, DisjunctionParts parts, TopKCollector collector, int start, int end, int essential)
    {
        var threshold = collector.MinCompetitiveScore;
        for (var i = essential; i < _byBound.Length; i++)
        {
            var clause = _clauses[_byBound[i]];
            if (clause.DocId < start)
            {
                clause.Advance(start);
            }
        }
        while (true)
        {
            var doc = Scorer.NoMoreDocs;
            for (var i = essential; i < _byBound.Length; i++)
            {
                doc = Math.Min(doc, _clauses[_byBound[i]].DocId);
            }
            if (doc > end || doc == Scorer.NoMoreDocs)
            {
                return;
            }
            if (view.IsLive(doc) && parts.Accepts(doc) && ScoreCandidate(doc, essential, threshold) is { } score)
            {
                collector.Offer(view.DocBase + doc, score);
                if (collector.MinCompetitiveScore > threshold)
                {
                    threshold = collector.MinCompetitiveScore;
                    essential = FirstEssential(essential, threshold);
                    if (essential == _clauses.Length)
                    {
                        return;
                    }
                }
            }
            // Clauses that just became non-essential may stay on doc: they are only ever advanced to a later one.
            for (var i = essential; i < _byBound.Length; i++)
            {
                if (_clauses[_byBound[i]].DocId == doc)
                {
                    _clauses[_byBound[i]].NextDoc();
                }
            }
        }
    }

    // The candidate's score, or null when it cannot exceed the threshold.
    private double? ScoreCandidate(int doc, int essential, double threshold)
    {
        Array.Clear(_matched);
        var partial = 0.0;
        for (var i = essential; i < _byBound.Length; i++)
        {
            var c = _byBound[i];
            if (_clauses[c].DocId == doc)
            {
                _scores[c] = _clauses[c].Score();
                _matched[c] = true;
                partial += _scores[c];
            }
        }
        for (var i = essential - 1; i >= 0; i--)
        {
            if (ScoreBounds.Above(partial + _prefix[i]) <= threshold)
            {
                return null;
            }
            var c = _byBound[i];
            if (_clauses[c].Advance(doc) == doc)
            {
                _scores[c] = _clauses[c].Score();
                _matched[c] = true;
                partial += _scores[c];
            }
        }
        var score = 0.0;
        for (var c = 0; c < _clauses.Length; c++)
        {
            if (_matched[c])
            {
                score += _scores[c];
            }
        }
        return score;
    }

    // How many clauses, smallest bounds first, together cannot exceed the threshold: the non-essential ones.
    private int FirstEssential(int from, double threshold)
    {
        var i = from;
        while (i < _prefix.Length && ScoreBounds.Above(_prefix[i]) <= threshold)
        {
            i++;
        }
        return i;
    }
}
