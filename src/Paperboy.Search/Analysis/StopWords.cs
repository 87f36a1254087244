namespace Paperboy.Search.Analysis;

/// <summary>
/// The Snowball English stop-word list (snowballstem.org/algorithms/english/stop.txt), in folded
/// form: folding removes apostrophes, so "don't" is listed as "dont". Contractions whose folded
/// form is a real word (he'll -> hell, she'll -> shell, we'll -> well, i'll -> ill, she'd -> shed,
/// we'd -> wed, i'd -> id, let's -> lets) are left out so those words stay searchable.
/// </summary>
internal static class StopWords
{
    public static readonly IReadOnlySet<string> English = new HashSet<string>(StringComparer.Ordinal)
    {
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
        "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that",
        "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
        "having", "do", "does", "did", "doing", "would", "should", "could", "ought",
        "im", "youre", "hes", "shes", "theyre", "ive", "youve", "weve", "theyve", "youd", "hed", "theyd",
        "youll", "theyll", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt", "doesnt", "dont",
        "didnt", "wont", "wouldnt", "shant", "shouldnt", "cant", "cannot", "couldnt", "mustnt", "thats",
        "whos", "whats", "heres", "theres", "whens", "wheres", "whys", "hows",
        "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by",
        "for", "with", "about", "against", "between", "into", "through", "during", "before", "after",
        "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again",
        "further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any", "both",
        "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same",
        "so", "than", "too", "very",
    };
}
