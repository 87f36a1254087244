namespace Paperboy.Search.Analysis;

/// <summary>
/// The Porter2 ("Snowball English") stemmer, written from the published algorithm description
/// (M. F. Porter, snowballstem.org/algorithms/english/stemmer.html, the 2006-era definition with
/// the gener/commun/arsen region exceptions). Input is a folded lower-case word.
/// </summary>
internal static class EnglishStemmer
{
    // "Exceptional forms in general": whole words whose stem the rules would get wrong.
    private static readonly Dictionary<string, string> Exception1 = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli",
        ["singly"] = "singl", ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas",
        ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    };

    // Words left alone after Step 1a (they would otherwise lose a real ending).
    private static readonly HashSet<string> Exception2 = new(StringComparer.Ordinal)
    {
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    };

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
        ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"),
        ("iviti", "ive"), ("fulli", "ful"),
        ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"),
        ("bli", "ble"), ("ogi", "og"),
        ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive",
        "ize", "ion", "al", "er", "ic",
    ];

    public static string Stem(string word)
    {
        if (Exception1.TryGetValue(word, out var exceptional))
        {
            return exceptional;
        }
        // The rules are defined over the English alphabet; other tokens (numbers, other scripts,
        // "covid19") pass through rather than being mangled by rules that were never meant for them.
        if (word.Length <= 2 || !IsEnglishWord(word))
        {
            return word;
        }

        var w = new Word(word);
        w.Prelude();
        if (w.Length <= 2)
        {
            return w.ToLowerString();
        }
        w.MarkRegions();
        w.Step0();
        w.Step1a();
        if (Exception2.Contains(w.ToLowerString()))
        {
            return w.ToLowerString();
        }
        w.Step1b();
        w.Step1c();
        w.ApplyRegionRules(Step2Rules, step: 2);
        w.ApplyRegionRules(Step3Rules, step: 3);
        w.Step4();
        w.Step5();
        return w.ToLowerString();
    }

    private static bool IsEnglishWord(string word)
    {
        foreach (var c in word)
        {
            if (c is not ((>= 'a' and <= 'z') or '\''))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A mutable word with its R1/R2 regions; Y marks a consonant y.</summary>
    private sealed class Word
    {
        private readonly char[] _chars;
        private int _r1;
        private int _r2;

        public Word(string word)
        {
            _chars = word.ToCharArray();
            Length = _chars.Length;
        }

        public int Length { get; private set; }

        public string ToLowerString() => new string(_chars, 0, Length).Replace('Y', 'y');

        public void Prelude()
        {
            if (_chars[0] == '\'')
            {
                Array.Copy(_chars, 1, _chars, 0, Length - 1);
                Length--;
            }
            if (Length > 0 && _chars[0] == 'y')
            {
                _chars[0] = 'Y';
            }
            for (var i = 1; i < Length; i++)
            {
                if (_chars[i] == 'y' && IsVowel(_chars[i - 1]))
                {
                    _chars[i] = 'Y';
                }
            }
        }

        public void MarkRegions()
        {
            var prefix = StartsWith("gener") ? 5 : StartsWith("commun") ? 6 : StartsWith("arsen") ? 5 : -1;
            _r1 = prefix >= 0 ? prefix : RegionAfter(0);
            _r2 = RegionAfter(_r1);
        }

        // The position after the first non-vowel that follows a vowel, at or after start.
        private int RegionAfter(int start)
        {
            for (var i = start + 1; i < Length; i++)
            {
                if (!IsVowel(_chars[i]) && IsVowel(_chars[i - 1]))
                {
                    return i + 1;
                }
            }
            return Length;
        }

        public void Step0()
        {
            if (EndsWith("'s'"))
            {
                Length -= 3;
            }
            else if (EndsWith("'s"))
            {
                Length -= 2;
            }
            else if (EndsWith("'"))
            {
                Length -= 1;
            }
        }

        public void Step1a()
        {
            if (EndsWith("sses"))
            {
                Length -= 2;
            }
            else if (EndsWith("ied") || EndsWith("ies"))
            {
                // "replace by i if preceded by more than one letter, otherwise by ie" (ties -> tie, cries -> cri)
                Length -= Length - 3 > 1 ? 2 : 1;
            }
            else if (EndsWith("us") || EndsWith("ss"))
            {
                // left alone
            }
            else if (EndsWith("s") && HasVowel(0, Length - 2))
            {
                // a vowel before, but not immediately before, the s: gaps -> gap, gas stays
                Length -= 1;
            }
        }

        public void Step1b()
        {
            string? suffix = null;
            foreach (var s in (ReadOnlySpan<string>)["eedly", "ingly", "edly", "eed", "ing", "ed"])
            {
                if (EndsWith(s))
                {
                    suffix = s;
                    break;
                }
            }
            if (suffix is null)
            {
                return;
            }
            var start = Length - suffix.Length;
            if (suffix is "eed" or "eedly")
            {
                if (start >= _r1)
                {
                    Replace(suffix.Length, "ee");
                }
                return;
            }
            if (!HasVowel(0, start))
            {
                return;
            }
            Length = start;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                Append('e');
            }
            else if (EndsWithDouble())
            {
                Length--;
            }
            else if (IsShortWord())
            {
                Append('e');
            }
        }

        public void Step1c()
        {
            var last = _chars[Length - 1];
            if ((last == 'y' || last == 'Y') && Length > 2 && !IsVowel(_chars[Length - 2]))
            {
                _chars[Length - 1] = 'i';
            }
        }

        public void ApplyRegionRules((string Suffix, string Replacement)[] rules, int step)
        {
            foreach (var (suffix, replacement) in rules)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }
                // Only the longest matching suffix is considered; if its condition fails, nothing happens.
                var start = Length - suffix.Length;
                if (start < _r1)
                {
                    return;
                }
                if (step == 2 && suffix == "ogi" && (start == 0 || _chars[start - 1] != 'l'))
                {
                    return;
                }
                if (step == 2 && suffix == "li" && (start == 0 || !IsValidLiEnding(_chars[start - 1])))
                {
                    return;
                }
                if (step == 3 && suffix == "ative" && start < _r2)
                {
                    return;
                }
                Replace(suffix.Length, replacement);
                return;
            }
        }

        public void Step4()
        {
            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }
                var start = Length - suffix.Length;
                if (start < _r2)
                {
                    return;
                }
                if (suffix == "ion" && (start == 0 || _chars[start - 1] is not ('s' or 't')))
                {
                    return;
                }
                Length = start;
                return;
            }
        }

        public void Step5()
        {
            var last = _chars[Length - 1];
            var start = Length - 1;
            if (last == 'e')
            {
                if (start >= _r2 || (start >= _r1 && !EndsWithShortSyllable(start)))
                {
                    Length--;
                }
            }
            else if (last == 'l' && start >= _r2 && start > 0 && _chars[start - 1] == 'l')
            {
                Length--;
            }
        }

        private bool IsShortWord() => _r1 >= Length && EndsWithShortSyllable(Length);

        // A short syllable: non-vowel, vowel, non-vowel other than w, x or Y; or, at the very
        // start of the word, a vowel followed by a non-vowel.
        private bool EndsWithShortSyllable(int end)
        {
            if (end == 2)
            {
                return IsVowel(_chars[0]) && !IsVowel(_chars[1]);
            }
            if (end < 3)
            {
                return false;
            }
            var c = _chars[end - 1];
            return !IsVowel(_chars[end - 3]) && IsVowel(_chars[end - 2]) && !IsVowel(c)
                && c is not ('w' or 'x' or 'Y');
        }

        private bool EndsWithDouble()
        {
            if (Length < 2 || _chars[Length - 1] != _chars[Length - 2])
            {
                return false;
            }
            return _chars[Length - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';
        }

        private static bool IsValidLiEnding(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        private bool HasVowel(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (IsVowel(_chars[i]))
                {
                    return true;
                }
            }
            return false;
        }

        private bool StartsWith(string prefix) =>
            Length >= prefix.Length && _chars.AsSpan(0, prefix.Length).SequenceEqual(prefix);

        private bool EndsWith(string suffix) =>
            Length >= suffix.Length && _chars.AsSpan(Length - suffix.Length, suffix.Length).SequenceEqual(suffix);

        private void Replace(int suffixLength, string replacement)
        {
            Length -= suffixLength;
            foreach (var c in replacement)
            {
                Append(c);
            }
        }

        // No rule makes a word longer than its input (the e added in Step 1b follows the removal
        // of at least two letters), so the original buffer always has room.
        private void Append(char c)
        {
            _chars[Length++] = c;
        }
    }
}
