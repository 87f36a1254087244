using System.Globalization;
using System.Text;

namespace Paperboy.Testing;

/// <summary>
/// A small GloVe-format word-vector file whose geometry the tests set: each topic's words point near
/// the topic's own axis, and every word also carries a shared direction, as real embeddings of
/// running text share a common component (which SIF removes). Words of one topic are close, words of
/// different topics far apart, so a test knows which paper a plain-language query is about even when
/// it shares no word with it. Deterministic: a fixed seed makes the noise.
/// </summary>
public static class TopicWordVectors
{
    public const int Dimensions = 12;

    /// <summary>The topics, each with words a query or a paper may use.</summary>
    public static IReadOnlyDictionary<string, string[]> Topics { get; } = new Dictionary<string, string[]>
    {
        ["sensors"] = ["sensor", "sensors", "faulty", "fault", "faults", "lying", "detector", "detectors", "readings", "measurement", "measurements", "anomaly", "anomalies", "calibration", "disagree", "broken", "thermometer"],
        ["proteins"] = ["protein", "proteins", "folding", "fold", "folds", "molecule", "molecules", "amino", "acids", "structure", "structures", "biology", "shape", "shapes", "chain"],
        ["graphs"] = ["graph", "graphs", "network", "networks", "node", "nodes", "edge", "edges", "message", "messages", "passing", "neighbours", "connected", "links"],
        ["language"] = ["language", "languages", "translation", "translate", "sentence", "sentences", "words", "text", "texts", "grammar", "english", "french", "speaking"],
    };

    /// <summary>Words of every topic's texts: near the shared direction only.</summary>
    public static IReadOnlyList<string> Common { get; } =
        ["the", "a", "an", "of", "to", "which", "my", "is", "are", "with", "by", "for", "and", "in", "on", "we", "each", "other", "from", "our", "this", "that", "how", "way", "find", "tell", "them", "their", "one", "new", "learned", "method", "show"];

    /// <summary>
    /// Twelve papers, three per topic, as (id, title, abstract, category): none uses "detector",
    /// "lying" or "tell", so a query made of them reaches the sensor papers only by meaning.
    /// </summary>
    public static IReadOnlyList<(string Id, string Title, string Abstract, string Category)> Papers { get; } =
    [
        ("2401.10001", "Faulty sensor readings", "We show how anomaly scores find the broken sensor from its measurements.", "eess.SP"),
        ("2401.10002", "Calibration of sensors", "Measurements of each sensor disagree; calibration removes the fault.", "eess.SP"),
        ("2401.10003", "Anomalies in thermometer measurements", "A thermometer with faults gives readings that disagree with the others.", "physics.ins-det"),
        ("2401.10004", "Protein folding", "We predict the shape of the chain of amino acids.", "q-bio.BM"),
        ("2401.10005", "Molecule structures", "The structure of each molecule is learned from biology.", "q-bio.BM"),
        ("2401.10006", "Folding chains of amino acids", "Proteins fold into shapes; we learn the folds.", "q-bio.BM"),
        ("2401.10007", "Message passing on graphs", "Nodes send messages along edges to their neighbours.", "cs.LG"),
        ("2401.10008", "Connected networks", "Links between nodes of a network and the graph they form.", "cs.LG"),
        ("2401.10009", "Graph edges", "We learn the edges that are links in graphs.", "cs.SI"),
        ("2401.10010", "Translation of sentences", "English sentences translate to French text.", "cs.CL"),
        ("2401.10011", "Grammar of languages", "The grammar of each language and its words.", "cs.CL"),
        ("2401.10012", "Speaking English", "Texts and words of English speaking.", "cs.CL"),
    ];

    /// <summary>A plain-language query for the sensor papers that shares no word with any paper.</summary>
    public const string SensorQuery = "tell which detector is lying";

    /// <summary>Writes the file (GloVe text: a word and its numbers per line) and returns its path.</summary>
    public static string Write(string path)
    {
        var random = new Random(20261122);
        var text = new StringBuilder();
        int axis = 0;
        foreach (var words in Topics.Values)
        {
            foreach (var word in words)
            {
                Line(text, word, Vector(random, axis));
            }
            axis++;
        }
        foreach (var word in Common)
        {
            Line(text, word, Vector(random, axis: null));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    // The topic's axis (or none), the shared last axis, and small noise everywhere.
    private static float[] Vector(Random random, int? axis)
    {
        var vector = new float[Dimensions];
        for (int i = 0; i < Dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() - 0.5) * 0.3);
        }
        if (axis is { } a)
        {
            vector[a] += 1f;
        }
        vector[Dimensions - 1] += 0.8f;
        return vector;
    }

    private static void Line(StringBuilder text, string word, float[] vector) =>
        text.Append(word).Append(' ').AppendJoin(' ', vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
}
