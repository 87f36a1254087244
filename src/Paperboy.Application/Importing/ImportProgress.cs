namespace Paperboy.Application.Importing;

/// <summary>How far the import of one file has come, in bytes of the file and records read.</summary>
public sealed record ImportProgress(string File, long BytesRead, long BytesTotal, long Records);
