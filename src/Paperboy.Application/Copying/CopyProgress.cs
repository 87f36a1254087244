namespace Paperboy.Application.Copying;

/// <summary>
/// How far a copy is: of <see cref="What"/> ("papers", or an account-side table such as "accounts"),
/// <see cref="Copied"/> rows sent to the target of <see cref="Total"/> in the source.
/// </summary>
public sealed record CopyProgress(string What, long Copied, long Total);
