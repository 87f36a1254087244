using System.Numerics;
using Paperboy.Search.Collectors;
using Paperboy.Search.Indexing;

namespace Paperboy.Search.Scoring;

/// <summary>
/// The best k documents of a pure disjunction in one segment, by MaxScore (Turtle &amp; Flood, "Query
/// evaluation: strategies and optimizations", IP&amp;M 31(6), 1995; as in Lucene's MaxScoreBulkScorer).
/// Clauses are sorted by their score bound (<see cref="Scorer.MaxScore"/>). While the top k fill up,
/// every match is scored; afterwards the k-th best score so far is a threshold, and the clauses with the
/// smallest bounds whose bounds together do not exceed it are non-essential: a document that matches
/// only them cannot enter the top k, so only the documents of the other, essential, clauses are
/// candidates. A candidate's essential scores are added first, then the non-essential clauses, largest
/// bound first, are moved to it one at a time, and the candidate is dropped as soon as its score so far
/// plus the bounds of the clauses not yet seen cannot exceed the threshold. As the threshold rises,
/// more clauses become non-essential; when all are, the segment is done.
/// <para>
/// The essential clauses are scored a window of documents at a time (<see cref="Scorer.ScoreWindow"/>,
/// in tight loops), and the window's candidates are the union of their matches less the deleted and
/// filtered-out documents. With a single essential clause, the score a candidate needs from it is
/// passed down, so a word can pass over postings blocks that cannot reach it.
/// </para>
/// <para>
/// Clause bounds are per list: whole-document block-max windows (Ding &amp; Suel, SIGIR 2011) over the
/// skip table's per-block figures were built and measured (commit 021ebf4) and changed nothing, since a
/// BM25F bound takes each field's highest frequency and shortest length at once and one occurrence in
/// a short title already nears saturation. The blocks a word passes over are judged field by field,
/// with the earlier fields' exact contributions (docs/SEARCH.md, "Top-k and pruning").
/// </para>
/// <para>
/// Ties: the collector ranks equal scores by lower doc id, and documents arrive in increasing id (in a
/// segment, and segment after segment of one collector's group), so a document that can at best equal
/// the threshold ranks after the k already kept and would never be kept: skipping it is safe, and
/// "cannot exceed" is the test.
/// </para>
/// <para>
/// The kept documents' scores are bit for bit those of the exhaustive path: each clause's score comes
/// from the same scorer, and they are summed from 0 in the clause order <see cref="DisjunctionScorer"/>
/// sums them in. Bounds only decide what is skipped (<see cref="ScoreBounds"/> for their margin).
/// </para>
/// </summary>
internal sealed class MaxScoreBulkScorer
{
    /// <summary>Documents scored together: a multiple of 64, small enough for the window's arrays to stay in cache.</summary>
    public const int DefaultWindow = 2048;

    private readonly Scorer[] _clauses;
    private readonly int[] _byBound;      // clause indexes, smallest bound first
    private readonly double[] _prefix;    // _prefix[i]: the bounds of _byBound[0..i] summed
    private readonly int _window;
    private readonly double[][] _windowScores; // per clause: its score of each document of the window (this thread's buffers)
    private readonly ulong[][] _windowMatches; // per clause: the window's documents it matches (cleared each window)
    private readonly ulong[] _candidates;
    private readonly double[] _scores;    // each clause's score on the current candidate
    private readonly bool[] _matched;     // whether the clause matches the current candidate

    public MaxScoreBulkScorer(Scorer[] clauses, int window = DefaultWindow)
    {
        DocumentWindow.Require(window);
        _clauses = clauses;
        var bounds = clauses.Select(c => c.MaxScore).ToArray();
        _byBound = [.. Enumerable.Range(0, clauses.Length).OrderBy(i => bounds[i])];
        _prefix = new double[clauses.Length];
        var sum = 0.0;
        for (var i = 0; i < _byBound.Length; i++)
        {
            sum += bounds[_byBound[i]];
            _prefix[i] = sum;
        }
        _window = window;
        var buffers = WindowBuffers.ForThisThread(clauses.Length, window);
        _windowScores = buffers.Scores;
        _windowMatches = buffers.Matches;
        _candidates = buffers.Candidates;
        _scores = new double[clauses.Length];
        _matched = new bool[clauses.Length];
    }

    /// <summary>Offers the segment's competitive matches to <paramref name="collector"/> (which must rank by score).</summary>
    /// <param name="floor">Shared with the other threads' groups of the same search, if any.</param>
    public void Score(SegmentView view, DisjunctionParts parts, TopKCollector collector, SharedFloor? floor = null)
    {
        var threshold = floor?.Threshold(collector.MinCompetitiveScore) ?? collector.MinCompetitiveScore;
        var essential = FirstEssential(0, threshold);
        var docCount = view.Segment.DocCount;
        var hasDeletions = view.Live is not null;
        var deleted = hasDeletions ? view.Live!.Words : default;
        var passing = parts.Filter?.Bits;
        for (var start = 0; start < docCount && essential < _byBound.Length; start += _window)
        {
            if (floor?.Threshold(threshold) is { } raised && raised > threshold)
            {
                threshold = raised;
                essential = FirstEssential(essential, threshold);
            }
            var end = Math.Min(start + _window, docCount);
            var words = (end - start + 63) >> 6;
            var candidates = _candidates.AsSpan(0, words);
            candidates.Clear();
            // The clauses essential at the window's start score all their matches in it; the threshold
            // may rise inside the window, which only prunes more.
            var windowEssential = essential;
            var nonEssentialBounds = windowEssential > 0 ? _prefix[windowEssential - 1] : 0;
            for (var i = windowEssential; i < _byBound.Length; i++)
            {
                var c = _byBound[i];
                var matches = _windowMatches[c].AsSpan(0, words);
                matches.Clear();
                // With one essential clause, a document is a candidate only if that clause's score beats
                // the threshold less every other clause's bound: the clause may pass over what cannot.
                var minScore = windowEssential == _byBound.Length - 1
                    ? (threshold / (1 + ScoreBounds.RelativeMargin)) - nonEssentialBounds
                    : double.NegativeInfinity;
                _clauses[c].ScoreWindow(start, end, _windowScores[c], _windowMatches[c], minScore);
                for (var w = 0; w < words; w++)
                {
                    candidates[w] |= matches[w];
                }
            }
            var firstWord = start >> 6;
            for (var w = 0; w < words; w++)
            {
                var word = candidates[w];
                if (hasDeletions)
                {
                    word &= ~deleted[firstWord + w];
                }
                if (passing is not null)
                {
                    word &= passing[firstWord + w];
                }
                for (; word != 0; word &= word - 1)
                {
                    var slot = (w << 6) + BitOperations.TrailingZeroCount(word);
                    // Most candidates fall here: their essential scores plus every other clause's bound
                    // cannot exceed the threshold.
                    if (ScoreBounds.Above(EssentialScore(slot, windowEssential) + nonEssentialBounds) <= threshold)
                    {
                        continue;
                    }
                    var doc = start + slot;
                    if (ScoreCandidate(doc, slot, windowEssential, threshold, parts) is { } score)
                    {
                        collector.Offer(view.DocBase + doc, score);
                        if (collector.MinCompetitiveScore > threshold)
                        {
                            threshold = collector.MinCompetitiveScore;
                            floor?.Raise(threshold);
                            essential = FirstEssential(essential, threshold);
                        }
                    }
                }
            }
        }
    }

    // The window's essential clauses' scores of one document, summed.
    private double EssentialScore(int slot, int essential)
    {
        var sum = 0.0;
        for (var i = essential; i < _byBound.Length; i++)
        {
            var c = _byBound[i];
            if ((_windowMatches[c][slot >> 6] & (1UL << slot)) != 0)
            {
                sum += _windowScores[c][slot];
            }
        }
        return sum;
    }

    // The candidate's score, or null when it cannot exceed the threshold or the exclusion matches it.
    private double? ScoreCandidate(int doc, int slot, int essential, double threshold, DisjunctionParts parts)
    {
        Array.Clear(_matched);
        var partial = 0.0;
        for (var i = essential; i < _byBound.Length; i++)
        {
            var c = _byBound[i];
            if ((_windowMatches[c][slot >> 6] & (1UL << slot)) != 0)
            {
                _scores[c] = _windowScores[c][slot];
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
        if (essential == 0 && ScoreBounds.Above(partial) <= threshold)
        {
            return null;
        }
        if (parts.Exclusion is { } exclusion && exclusion.Advance(doc) == doc)
        {
            return null;
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
