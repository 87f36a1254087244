using Paperboy.Core.Papers;

namespace Paperboy.Application.Tests.Semantic;

/// <summary>Twelve papers, three per topic of <see cref="Paperboy.Testing.TopicWordVectors"/>, none using the words the tests' plain-language queries use.</summary>
internal static class SemanticPapers
{
    public static IReadOnlyList<Paper> All { get; } =
    [
        Paper("2401.10001", "Faulty sensor readings", "We show how anomaly scores find the broken sensor from its measurements.", "eess.SP"),
        Paper("2401.10002", "Calibration of sensors", "Measurements of each sensor disagree; calibration removes the fault.", "eess.SP"),
        Paper("2401.10003", "Anomalies in thermometer measurements", "A thermometer with faults gives readings that disagree with the others.", "physics.ins-det"),
        Paper("2401.10004", "Protein folding", "We predict the shape of the chain of amino acids.", "q-bio.BM"),
        Paper("2401.10005", "Molecule structures", "The structure of each molecule is learned from biology.", "q-bio.BM"),
        Paper("2401.10006", "Folding chains of amino acids", "Proteins fold into shapes; we learn the folds.", "q-bio.BM"),
        Paper("2401.10007", "Message passing on graphs", "Nodes send messages along edges to their neighbours.", "cs.LG"),
        Paper("2401.10008", "Connected networks", "Links between nodes of a network and the graph they form.", "cs.LG"),
        Paper("2401.10009", "Graph edges", "We learn which edges are links in graphs.", "cs.SI"),
        Paper("2401.10010", "Translation of sentences", "English sentences translate to French text.", "cs.CL"),
        Paper("2401.10011", "Grammar of languages", "The grammar of each language and its words.", "cs.CL"),
        Paper("2401.10012", "Speaking English", "Texts and words of English speaking.", "cs.CL"),
    ];

    public static Paper Paper(string id, string title, string abs, string category) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        TitleRaw = title,
        Abstract = abs,
        AbstractRaw = abs,
        Categories = [category],
        Published = new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero),
    };
}
