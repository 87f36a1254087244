namespace Paperboy.Bench;

/// <summary>The figures of one <c>digest</c> run, for the table and the JSON.</summary>
internal sealed record DigestRun(
    RunEnvironment Environment,
    int Seed,
    int BackgroundPapers,
    int NewPapers,
    DateOnly Day,
    DateTimeOffset Now,
    Topics Topics,
    double SubscribeSeconds,
    int Subscribers,
    int Due,
    int Queued,
    int Empty,
    int Candidates,
    double Seconds,
    double SubscribersPerSecond,
    double PapersPerDigest,
    DigestSplit Split,
    NaiveFigures Peer,
    double PeerSecondsExtrapolated,
    double SpeedVsPeer,
    DigestLoads Load);

/// <summary>
/// Where the timed run's seconds went. <see cref="Setup"/>: from the start to the first subscriber (listing
/// subscribers, the schedule, loading the candidates). <see cref="ComposeAndRender"/>: the rest less the timed
/// store and outbox calls, that is composing (saved searches run once each, on first use), the per-subscriber
/// sent-paper lookups (<see cref="DeliveredLookups"/>, part of it), rendering and signing the links.
/// <see cref="SavedSearchesAlone"/>: every distinct saved search run once more after the run, alone, as the run
/// runs it: an estimate of the searching inside <see cref="ComposeAndRender"/>, not a part measured in the run.
/// </summary>
internal sealed record DigestSplit(double Setup, double Suppressions, double ComposeAndRender, double DeliveredLookups, double Enqueueing, double Recording,
    double SavedSearchesAlone);

/// <summary>The load average before the timed run, after it, and after the peer.</summary>
internal sealed record DigestLoads(LoadAverage? BeforeRun, LoadAverage? AfterRun, LoadAverage? AfterPeer);
