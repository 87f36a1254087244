using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Storage;

/// <summary>
/// What a copy is verified by: the rows of each copied table and a checksum over every paper's id,
/// latest version and content hash, in id order. Two stores with the same census hold the same papers;
/// the account side (<see cref="AccountTables"/>) is compared by the rows in each table.
/// </summary>
public sealed record StoreCensus(long Papers, long SyncRuns, long Checkpoints, string PaperChecksum, IReadOnlyList<TableCount> Tables)
{
    /// <summary>How this census differs from <paramref name="other"/>, one line per difference; empty when equal.</summary>
    public IReadOnlyList<string> Differences(StoreCensus other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        void Compare(string what, object mine, object theirs)
        {
            if (!Equals(mine, theirs))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: {mine} in the source, {theirs} in the target"));
            }
        }
        Compare("papers", Papers, other.Papers);
        Compare("sync runs", SyncRuns, other.SyncRuns);
        Compare("sync checkpoints", Checkpoints, other.Checkpoints);
        Compare("paper checksum (ids, versions, content hashes)", PaperChecksum, other.PaperChecksum);
        var theirs = other.Tables.ToDictionary(t => t.Table, t => t.Rows);
        foreach (var table in Tables)
        {
            Compare(table.Table, table.Rows, theirs.GetValueOrDefault(table.Table));
        }
        return differences;
    }
}

/// <summary>Builds <see cref="StoreCensus.PaperChecksum"/> from papers fed in id order.</summary>
internal sealed class PaperChecksum : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(string id, long latestVersion, string contentHash) =>
        _hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}\u001f{latestVersion}\u001f{contentHash}\n")));

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
