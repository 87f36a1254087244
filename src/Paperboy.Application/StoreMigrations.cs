using Paperboy.Core.Storage;
using Paperboy.Storage;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Application;

/// <summary>
/// Brings every store this installation uses to the current schema (`paperboy migrate`): the paper
/// store, SQLite or PostgreSQL, and the SQLite file in the data directory, which holds accounts and
/// mail whichever store holds the papers. Every store also migrates itself on first use; this says what it did.
/// </summary>
public sealed class StoreMigrations(IPaperStore papers, SqlitePaperStore sqlite)
{
    /// <summary>Migrates each store in turn and reports it; a store that is current reports no migration.</summary>
    public async Task<IReadOnlyList<StoreMigrationReport>> MigrateAsync(CancellationToken cancellationToken)
    {
        var reports = new List<StoreMigrationReport>();
        if (papers is IMigratingStore paperStore && !ReferenceEquals(papers, sqlite))
        {
            reports.Add(new StoreMigrationReport("papers and sync state (PostgreSQL)", paperStore.Description, await paperStore.MigrateAsync(cancellationToken)));
            reports.Add(new StoreMigrationReport(
                "accounts, libraries, upvotes, follows, mail, subscriptions (SQLite)", sqlite.Description, await sqlite.MigrateAsync(cancellationToken)));
        }
        else
        {
            reports.Add(new StoreMigrationReport("everything (SQLite)", sqlite.Description, await sqlite.MigrateAsync(cancellationToken)));
        }
        return reports;
    }
}

/// <summary>One store's migration: what it holds, where it is (never with a password), what was applied.</summary>
public sealed record StoreMigrationReport(string Holds, string Where, IReadOnlyList<Migration> Applied);
