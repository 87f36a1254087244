using System.Globalization;

namespace Paperboy.Bench;

/// <summary>
/// <c>&lt;verb&gt; [--papers N] [--seed S] [--queries Q] [--subscribers N] [--vectors N] [--dims D] [--texts N] [--table PATH] [--int8] [--json]</c>, or a usage error.
/// For <c>digest</c>, <c>--papers</c> is the day's new papers (default 1,000), not the corpus.
/// <c>engine</c> keeps its index in <c>--index DIR</c> (built there once) and runs each query <c>--repeat</c> times.
/// For <c>vectors</c>, <c>--queries</c> is the number of queries in all (default 1,000).
/// <c>embed-transformer</c> embeds <c>--texts</c> abstracts (default 200); <c>--int8</c> adds the int8-weights runs.
/// </summary>
internal sealed record BenchArguments(string Verb, int Papers, int Seed, int QueriesPerKind, bool Json, int Subscribers = 10_000,
    int Vectors = 100_000, int Dimensions = 384, int Texts = 100_000, string? TablePath = null, bool Int8 = false, string? IndexPath = null, int Repeat = 1)
{
    public const string Usage =
        "usage: paperboy-bench <import|search|engine|digest|vectors|embed-wordvectors|embed-transformer> [--papers N] [--seed S] [--queries Q per kind] [--subscribers N (digest)]"
        + " [--vectors N] [--dims D (vectors)] [--texts N] [--table PATH (embed-wordvectors: .pbv, wink JSON or tarball, GloVe text)] [--int8 (embed-transformer)] [--index DIR] [--repeat N (engine)] [--json]";

    public static BenchArguments? Parse(string[] args, out string? error)
    {
        error = null;
        if (args.Length == 0 || args[0] is not ("import" or "search" or "engine" or "digest" or "vectors" or "embed-wordvectors" or "embed-transformer"))
        {
            error = Usage;
            return null;
        }
        var parsed = new BenchArguments(args[0], Papers: args[0] == "digest" ? 1_000 : 50_000, Seed: 1, QueriesPerKind: args[0] == "vectors" ? 1_000 : 300, Json: false,
            Texts: args[0] == "embed-transformer" ? 200 : 100_000);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--json")
            {
                parsed = parsed with { Json = true };
                continue;
            }
            if (args[i] == "--int8")
            {
                parsed = parsed with { Int8 = true };
                continue;
            }
            if (args[i] == "--index" && i + 1 < args.Length)
            {
                parsed = parsed with { IndexPath = args[++i] };
                continue;
            }
            if (args[i] == "--table" && i + 1 < args.Length)
            {
                parsed = parsed with { TablePath = args[++i] };
                continue;
            }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                error = $"bench: {args[i]} needs a positive whole number\n{Usage}";
                return null;
            }
            switch (args[i])
            {
                case "--papers": parsed = parsed with { Papers = value }; break;
                case "--seed": parsed = parsed with { Seed = value }; break;
                case "--queries": parsed = parsed with { QueriesPerKind = value }; break;
                case "--subscribers": parsed = parsed with { Subscribers = value }; break;
                case "--vectors": parsed = parsed with { Vectors = value }; break;
                case "--dims": parsed = parsed with { Dimensions = value }; break;
                case "--texts": parsed = parsed with { Texts = value }; break;
                case "--repeat": parsed = parsed with { Repeat = value }; break;
                default:
                    error = $"bench: unknown option {args[i]}\n{Usage}";
                    return null;
            }
            i++;
        }
        return parsed;
    }
}
