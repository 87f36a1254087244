using static Paperboy.Bench.Report;

namespace Paperboy.Bench;

/// <summary>The <c>digest</c> run as a plain-text table.</summary>
internal static class DigestReport
{
    public static string Table(DigestRun run)
    {
        var text = Header(run.Environment, Invariant(
            $"digest: {run.Subscribers:N0} subscribers, {run.NewPapers:N0} new papers on {run.Day:yyyy-MM-dd} over {run.BackgroundPapers:N0} older ones, seed {run.Seed}"));
        var t = run.Topics;
        text.AppendLine(Invariant($"topics per subscriber: {t.Categories:F2} categories, {t.Queries:F2} saved searches ({t.DistinctQueries:N0} distinct in all), {t.Authors:F2} authors"));
        text.AppendLine(Invariant($"set-up (off the clock): {run.Subscribers:N0} subscribed and confirmed through SubscriptionService in {run.SubscribeSeconds:F1} s"));
        text.AppendLine(Invariant($"load average: before the run {run.Load.BeforeRun}; after it {run.Load.AfterRun}; after the peer {run.Load.AfterPeer}"));
        text.AppendLine();
        text.AppendLine("| DigestService.SendAsync(ignoreSchedule: true) | value |");
        text.AppendLine("| --- | ---: |");
        text.AppendLine(Invariant($"| seconds | {run.Seconds:F2} |"));
        text.AppendLine(Invariant($"| subscribers/s | {run.SubscribersPerSecond:N0} |"));
        text.AppendLine(Invariant($"| digests due / queued / empty | {run.Due:N0} / {run.Queued:N0} / {run.Empty:N0} |"));
        text.AppendLine(Invariant($"| candidate papers loaded | {run.Candidates:N0} |"));
        text.AppendLine(Invariant($"| papers per queued digest (mean, trending included) | {run.PapersPerDigest:F1} |"));
        text.AppendLine();
        var s = run.Split;
        text.AppendLine("| where the run's time went | seconds | share |");
        text.AppendLine("| --- | ---: | ---: |");
        Row(text, "list subscribers, schedule, load candidates", s.Setup, run.Seconds);
        Row(text, "suppression checks (outbox)", s.Suppressions, run.Seconds);
        Row(text, "compose + render (rest of the run)", s.ComposeAndRender, run.Seconds);
        Row(text, "  of which sent-paper lookups (store)", s.DeliveredLookups, run.Seconds);
        Row(text, "queue in the outbox (EmailOutbox.EnqueueAsync)", s.Enqueueing, run.Seconds);
        Row(text, "record papers sent and period (store)", s.Recording, run.Seconds);
        text.AppendLine(Invariant($"\nthe {t.DistinctQueries:N0} distinct saved searches, each run once more alone after the run: {s.SavedSearchesAlone:F2} s (an estimate of the searching inside compose)"));
        text.AppendLine();
        var p = run.Peer;
        text.AppendLine(Invariant($"peer: a PaperSearchService search per subscriber and topic, over the first {p.Subscribers:N0} subscribers"));
        text.AppendLine("| peer | value |");
        text.AppendLine("| --- | ---: |");
        text.AppendLine(Invariant($"| seconds ({p.Subscribers:N0} subscribers, {p.Searches:N0} searches) | {p.Seconds:F2} |"));
        text.AppendLine(Invariant($"| subscribers/s | {p.SubscribersPerSecond:N0} |"));
        text.AppendLine(Invariant($"| searches/s | {p.SearchesPerSecond:N0} |"));
        text.AppendLine(Invariant($"| papers per digest (mean, no trending) | {p.PapersPerDigest:F1} |"));
        text.AppendLine(Invariant($"| seconds for all {run.Due:N0} (extrapolated, not measured) | {run.PeerSecondsExtrapolated:F1} |"));
        text.AppendLine(Invariant($"\nSendAsync / peer, subscribers per second: {run.SpeedVsPeer:F1}x (the peer only searches and merges; it does not render, queue or record)"));
        return text.ToString();
    }

    private static void Row(System.Text.StringBuilder text, string what, double seconds, double total) =>
        text.AppendLine(Invariant($"| {what} | {seconds:F2} | {seconds / total:P0} |"));
}
