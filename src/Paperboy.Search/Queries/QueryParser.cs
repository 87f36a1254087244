using System.Text;
using Paperboy.Search.Indexing;

namespace Paperboy.Search.Queries;

/// <summary>
/// Turns what a person typed into a <see cref="ParsedQuery"/>. It never throws: anything it cannot
/// read is treated as plain words or dropped. Syntax (see the project README for the full table):
/// words (OR, ranked), "phrases", +required, -excluded, NOT x, a AND b, title: abs: author: cat: year: date:.
/// </summary>
internal static class QueryParser
{
    private enum Operator
    {
        None,
        And,
        Or,
        Not,
    }

    private readonly record struct Item(Operator Operator, Occur? Prefix, string? Field, string Value, bool Quoted);

    public static ParsedQuery Parse(string? text, SearchSettings settings)
    {
        text ??= "";
        if (text.Length > settings.MaxQueryLength)
        {
            var cut = settings.MaxQueryLength;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }
            text = text[..cut];
        }
        text = ReplaceLoneSurrogates(text);
        return Build(text, ApplyOperators(Lex(text)), settings);
    }

    // Half a surrogate pair is not text anyone typed (only a broken client, or a program cutting a
    // string between the halves of a pair, sends one); as a separator it cannot glue two words
    // together, and the canonical form stays well-formed UTF-16, which a JSON writer would refuse.
    private static string ReplaceLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            copy ??= text.ToCharArray();
            copy[i] = ' ';
        }
        return copy is null ? text : new string(copy);
    }

    private static List<Item> Lex(string text)
    {
        var items = new List<Item>();
        var i = 0;
        while (i < text.Length)
        {
            if (IsSeparator(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            Occur? prefix = null;
            while (i < text.Length && text[i] is '+' or '-' or '!')
            {
                prefix ??= text[i] == '+' ? Occur.Must : Occur.MustNot;
                i++;
            }
            string? field = null;
            if (FieldPrefixAt(text, i) is ({ } known, var afterPrefix))
            {
                field = known;
                i = afterPrefix;
                // "title:title:x" or "title:abs:x": a second field name right after the first is a
                // slip (or a paste), not text to search; the first name counts, the others are dropped.
                while (FieldPrefixAt(text, i) is ({ }, var next))
                {
                    i = next;
                }
            }
            string value;
            var quoted = false;
            if (i < text.Length && text[i] == '"')
            {
                // An unbalanced quote runs to the end of the query.
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    close = text.Length;
                }
                value = text[(i + 1)..close];
                quoted = true;
                i = Math.Min(text.Length, close + 1);
            }
            else
            {
                var j = i;
                while (j < text.Length && !IsSeparator(text[j]) && text[j] != '"')
                {
                    j++;
                }
                value = text[i..j];
                i = j;
            }
            if (i == start)
            {
                i++; // cannot happen with the branches above, but the loop must always make progress
                continue;
            }
            if (!quoted && prefix is null && field is null && OperatorOf(value) is var op and not Operator.None)
            {
                items.Add(new Item(op, null, null, "", false));
                continue;
            }
            items.Add(new Item(Operator.None, prefix, field, value, quoted));
        }
        return items;
    }

    // "a AND b" makes both required, "NOT a" excludes a; an operator with nothing to bind is ignored.
    private static List<Item> ApplyOperators(List<Item> items)
    {
        var clauses = new List<Item>();
        var pendingAnd = false;
        var pendingNot = false;
        foreach (var item in items)
        {
            switch (item.Operator)
            {
                case Operator.And:
                    if (clauses.Count > 0)
                    {
                        if (clauses[^1].Prefix is null)
                        {
                            clauses[^1] = clauses[^1] with { Prefix = Occur.Must };
                        }
                        pendingAnd = true;
                    }
                    continue;
                case Operator.Or:
                    pendingAnd = false;
                    continue;
                case Operator.Not:
                    pendingNot = true;
                    continue;
            }
            var clause = item;
            if (clause.Prefix is null && pendingNot)
            {
                clause = clause with { Prefix = Occur.MustNot };
            }
            else if (clause.Prefix is null && pendingAnd)
            {
                clause = clause with { Prefix = Occur.Must };
            }
            pendingAnd = false;
            pendingNot = false;
            clauses.Add(clause);
        }
        return clauses;
    }

    private static ParsedQuery Build(string text, List<Item> items, SearchSettings settings)
    {
        var clauses = new List<TextClause>();
        var filters = new FilterSet();
        var display = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var occur = item.Prefix ?? Occur.Should;
            var value = CollapseWhitespace(item.Value);
            if (value.Length == 0)
            {
                continue; // "title:" or a lone "+" with nothing after it
            }
            var negated = occur == Occur.MustNot ? "-" : "";
            if (item.Field == "year")
            {
                if (YearRange.TryParse(value, out var range) && seen.Add(negated + "year:" + range))
                {
                    (occur == Occur.MustNot ? filters.ExcludedYears : filters.Years).Add(range);
                    display.Add($"{negated}year:{range}");
                }
                continue;
            }
            if (item.Field == "date")
            {
                if (DateRange.TryParse(value, out var dates) && seen.Add(negated + "date:" + dates))
                {
                    (occur == Occur.MustNot ? filters.ExcludedDates : filters.Dates).Add(dates);
                    display.Add($"{negated}date:{dates}");
                }
                continue;
            }
            if (item.Field == "cat")
            {
                var category = DocValuesBuilder.NormalizeCategory(value);
                if (seen.Add(negated + "cat:" + category))
                {
                    (occur == Occur.MustNot ? filters.ExcludedCategories : filters.Categories).Add(category);
                    // No category has a space or starts with a field name, so cat:"a b" and
                    // cat:"title:x" match nothing; quoted, their canonical form still reads back as
                    // the same filter rather than a filter and a word, or another filter.
                    var shown = category.Contains(' ', StringComparison.Ordinal) || FieldPrefixAt(category, 0).Field is not null
                        ? $"\"{category}\""
                        : category;
                    display.Add($"{negated}cat:{shown}");
                }
                continue;
            }
            var field = FieldOf(item.Field);
            var clause = new TextClause(occur, field, value, item.Quoted);
            if (clauses.Count >= settings.MaxClauses || !AnalyzesToAnything(clause))
            {
                continue; // stop words only ("the"), punctuation only, or over the clause limit
            }
            if (seen.Add(clause.ToString().ToLowerInvariant()))
            {
                clauses.Add(clause);
                display.Add(clause.ToString());
            }
        }
        return new ParsedQuery(text, clauses, filters, display);
    }

    // A bare stop word ("the", "an") is not a search for authors named An: without a field prefix
    // the English analysis decides whether a clause means anything. author:an still finds them.
    private static bool AnalyzesToAnything(TextClause clause) => clause.Field is { } field
        ? Fields.AnalyzerFor(field).Analyze(clause.Text).Count > 0
        : Analysis.Analyzer.English.Analyze(clause.Text).Count > 0;

    /// <summary>A known field name and its colon at <paramref name="i"/>, and where the value starts.</summary>
    private static (string? Field, int ValueStart) FieldPrefixAt(string text, int i)
    {
        var j = i;
        while (j < text.Length && char.IsAsciiLetter(text[j]))
        {
            j++;
        }
        return j > i && j < text.Length && text[j] == ':' && CanonicalField(text[i..j]) is { } known
            ? (known, j + 1)
            : (null, i);
    }

    // U+200B ZERO WIDTH SPACE exists to mark a word boundary (UAX #29 keeps it out of the Format
    // class for that reason), so it separates query words like a space; the joiners U+200C and
    // U+200D do not, since some scripts and emoji need them inside a word. U+FFFD is what a decoder
    // leaves for broken bytes, so it separates like the lone surrogates it often stands for.
    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFFFD';

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (IsSeparator(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString().TrimEnd();
    }

    private static Operator OperatorOf(string word) => word switch
    {
        "AND" or "&&" => Operator.And,
        "OR" or "||" => Operator.Or,
        "NOT" => Operator.Not,
        _ => Operator.None,
    };

    private static string? CanonicalField(string name) => name.ToLowerInvariant() switch
    {
        "title" or "ti" => "title",
        "abs" or "abstract" => "abs",
        "author" or "authors" or "au" => "author",
        "cat" or "category" => "cat",
        "year" => "year",
        "date" => "date",
        _ => null,
    };

    private static Field? FieldOf(string? canonical) => canonical switch
    {
        "title" => Field.Title,
        "abs" => Field.Abstract,
        "author" => Field.Authors,
        _ => null,
    };
}
