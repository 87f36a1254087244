using static Paperboy.Bench.Report;

namespace Paperboy.Bench;

/// <summary>The embed-transformer figures, with the ratios the bench's peer rule asks for.</summary>
internal static class TransformerReport
{
    public static string Table(TransformerRun run)
    {
        var text = Header(run.Environment, Invariant(
            $"embed-transformer: {run.Texts:N0} synthetic abstracts, seed {run.Seed}, {run.AverageTokens:F0} tokens on average (max {run.MaxTokens}), MiniLM-sized random BERT"));
        text.AppendLine("| weights | cores | seconds | abstracts/s | load average after |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var m in run.Measurements)
            text.AppendLine(Invariant($"| {m.Weights} | {m.Cores} | {m.Seconds:F2} | {m.AbstractsPerSecond:F1} | {m.LoadAverage} |"));
        text.AppendLine(Invariant($"\nTokenizer alone, 1 core: {run.TokenizerAbstractsPerSecond:N0} abstracts/s"));
        var float32 = run.Measurements.Where(m => m.Weights == "float32").ToDictionary(m => m.Cores);
        var many = float32.Keys.Max();
        if (many > 1)
            text.AppendLine(Invariant($"float32, {many} cores / 1 core: {float32[many].AbstractsPerSecond / float32[1].AbstractsPerSecond:F2}x"));
        var int8 = run.Measurements.FirstOrDefault(m => m.Weights == "int8" && m.Cores == many);
        if (int8 is not null)
            text.AppendLine(Invariant($"int8 / float32 ({many} cores): {int8.AbstractsPerSecond / float32[many].AbstractsPerSecond:F2}x"));
        return text.ToString();
    }
}
