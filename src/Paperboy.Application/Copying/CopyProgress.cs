namespace Paperboy.Application.Copying;

/// <summary>How far a copy is: papers sent to the target of those in the source.</summary>
public sealed record CopyProgress(long Copied, long Total);
