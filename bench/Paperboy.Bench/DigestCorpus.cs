using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Paperboy.Ingest.Synthetic;

namespace Paperboy.Bench;

/// <summary>
/// The digest bench's corpus: <c>background + new</c> synthetic papers from one seed (one vocabulary, so
/// saved searches drawn from it hit both), the last <c>new</c> of them moved into one digest day: a new
/// id of that month, a single version submitted that day. The background keeps its 2015-2024 dates, so
/// it lies outside every digest window but inside the search index, as an archive would.
/// </summary>
internal static class DigestCorpus
{
    public static void Write(string path, int background, int fresh, int seed, DateOnly day)
    {
        using var all = new StringWriter(CultureInfo.InvariantCulture);
        SyntheticCorpus.Write(all, background + fresh, seed);
        using var output = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        var index = 0;
        foreach (var line in all.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            output.Write(index < background ? line : MoveToDay(line, day, index - background + 1));
            output.Write('\n');
            index++;
        }
    }

    private static string MoveToDay(string line, DateOnly day, int number)
    {
        var paper = JsonNode.Parse(line)!.AsObject();
        var first = paper["versions"]![0]!["created"]!.GetValue<string>();
        var time = DateTime.ParseExact(first, "ddd, d MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture).TimeOfDay;
        var created = day.ToDateTime(TimeOnly.FromTimeSpan(time));
        paper["id"] = string.Create(CultureInfo.InvariantCulture, $"{day.Year % 100:D2}{day.Month:D2}.{number:D5}");
        paper["versions"] = new JsonArray(new JsonObject
        {
            ["version"] = "v1",
            ["created"] = created.ToString("ddd, d MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture),
        });
        paper["update_date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return paper.ToJsonString();
    }
}
