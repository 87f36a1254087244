using System.Collections.Frozen;

namespace Paperboy.Core.Text;

/// <summary>
/// The LaTeX text-mode accents and special letters that arXiv metadata carries as residue
/// (LaTeX2e "Accents" table, and arXiv's own list at https://info.arxiv.org/help/prep.html#title).
/// </summary>
internal static class TexAccents
{
    /// <summary>Accent command -> the Unicode combining mark it puts on the following letter.</summary>
    public static FrozenDictionary<string, char> CombiningMarks { get; } = new Dictionary<string, char>
    {
        ["\""] = '\u0308', // diaeresis: \"o -> ö
        ["'"] = '\u0301',  // acute
        ["`"] = '\u0300',  // grave
        ["^"] = '\u0302',  // circumflex
        ["~"] = '\u0303',  // tilde
        ["="] = '\u0304',  // macron
        ["."] = '\u0307',  // dot above
        ["u"] = '\u0306',  // breve
        ["v"] = '\u030C',  // caron: \v{s} -> š
        ["H"] = '\u030B',  // double acute: \H{o} -> ő
        ["c"] = '\u0327',  // cedilla
        ["k"] = '\u0328',  // ogonek
        ["r"] = '\u030A',  // ring above
        ["d"] = '\u0323',  // dot below
        ["b"] = '\u0331',  // macron below
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Control words that stand for a letter of their own.</summary>
    public static FrozenDictionary<string, string> Letters { get; } = new Dictionary<string, string>
    {
        ["ss"] = "ß",
        ["o"] = "ø",
        ["O"] = "Ø",
        ["aa"] = "å",
        ["AA"] = "Å",
        ["ae"] = "æ",
        ["AE"] = "Æ",
        ["oe"] = "œ",
        ["OE"] = "Œ",
        ["l"] = "ł",
        ["L"] = "Ł",
        ["i"] = "ı",
        ["j"] = "ȷ",
        ["dh"] = "ð",
        ["DH"] = "Ð",
        ["th"] = "þ",
        ["TH"] = "Þ",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Font and emphasis commands whose argument is shown as plain text: \emph{x} -> x, {\it x} -> x.</summary>
    public static FrozenSet<string> TextStyles { get; } = new[]
    {
        "emph", "textit", "textbf", "texttt", "textrm", "textsf", "textsc", "textsl", "textup", "textmd",
        "textnormal", "underline", "mbox", "hbox", "text",
        "em", "it", "bf", "tt", "rm", "sf", "sc", "sl", "bfseries", "itshape", "ttfamily", "rmfamily", "sffamily", "scshape",
    }.ToFrozenSet(StringComparer.Ordinal);
}
