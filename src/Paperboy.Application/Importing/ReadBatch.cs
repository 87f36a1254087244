using Paperboy.Core.Papers;
using Paperboy.Ingest;

namespace Paperboy.Application.Importing;

/// <summary>
/// Papers the reading side of an import hands to the writing side: up to one batch, the records
/// rejected while reading them, and how far into the file the batch reaches.
/// </summary>
internal sealed record ReadBatch(List<Paper> Papers, List<ImportError> Rejected, long BytesRead, bool Last);
