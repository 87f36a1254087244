using Paperboy.Core.Accounts;
using Paperboy.Core.Papers;

namespace Paperboy.Application.Library;

/// <summary>A saved paper with the paper itself; <see cref="Paper"/> is null if the store no longer holds it.</summary>
public sealed record LibraryEntry(LibraryItem Item, Paper? Paper);
