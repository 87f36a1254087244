namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// A protocol error from an OAI-PMH repository (section 3.6): badArgument, badResumptionToken, badVerb,
/// cannotDisseminateFormat, idDoesNotExist, noRecordsMatch, noMetadataFormats, noSetHierarchy.
/// </summary>
public sealed record OaiError(string Code, string Message)
{
    public const string NoRecordsMatch = "noRecordsMatch";

    public override string ToString() => $"{Code}: {Message}";
}
