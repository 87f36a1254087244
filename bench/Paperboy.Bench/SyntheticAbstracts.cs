using System.Text;

namespace Paperboy.Bench;

/// <summary>
/// Abstract-length texts (about 200 words) drawn from the whole words of the BERT vocabulary with a
/// skew towards frequent ones, with sentence punctuation; deterministic for a seed. Real abstracts
/// run to about 250 WordPiece tokens, so most of these fill the model's 256 like real ones do.
/// </summary>
internal static class SyntheticAbstracts
{
    public static string[] Generate(int count, int seed)
    {
        var words = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "bert-base-uncased_vocab.txt"))
            .Skip(1996) // ids below are special, unused and single-character entries
            .Where(w => w.Length > 1 && w.All(char.IsAsciiLetterLower))
            .Take(20_000)
            .ToArray();
        var random = new Random(seed);
        var texts = new string[count];
        var text = new StringBuilder();
        for (var t = 0; t < count; t++)
        {
            text.Clear();
            var length = 170 + random.Next(60);
            for (var w = 0; w < length; w++)
            {
                // u² favours the front of the list, where BERT's vocabulary keeps its common words.
                var u = random.NextDouble();
                var word = words[(int)(u * u * words.Length)];
                text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                text.Append(random.Next(18) == 0 ? ". " : random.Next(12) == 0 ? ", " : " ");
            }
            texts[t] = text.ToString().TrimEnd() + ".";
        }
        return texts;
    }
}
