namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// One OAI-PMH response (http://www.openarchives.org/OAI/openarchivesprotocol.html section 3.2): its records,
/// the resumption token when the list continues, and the protocol error when the repository answered one.
/// </summary>
/// <param name="Resumption">Null when the response had no resumptionToken element (a complete, one-page list).</param>
/// <param name="Error">The first protocol error (section 3.6), or null. Errors are returned, not thrown:
/// noRecordsMatch is a normal end of a harvest, and the harvester decides what the others mean.</param>
/// <param name="ResponseDate">The repository's clock at the time of the response, for the next harvest's "from".</param>
public sealed record OaiPmhPage(
    IReadOnlyList<ImportRecord> Records, OaiResumptionToken? Resumption, OaiError? Error, DateTimeOffset? ResponseDate);
