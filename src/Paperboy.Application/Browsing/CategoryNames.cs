namespace Paperboy.Application.Browsing;

/// <summary>
/// Category names as arXiv writes them. The index folds categories to lower case (cat: is
/// case-insensitive), so its counts say "cs.lg"; arXiv's taxonomy (https://arxiv.org/category_taxonomy)
/// writes the archive in lower case and the subject class in upper case (cs.LG, math.AG, astro-ph.CO,
/// q-bio.NC), except in physics and cond-mat, whose classes are lower-case words (physics.optics,
/// cond-mat.str-el). Archives without a class (hep-th, quant-ph) are lower case.
/// </summary>
public static class CategoryNames
{
    public static string Display(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        int dot = category.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return category.ToLowerInvariant();
        }
        string archive = category[..dot].ToLowerInvariant();
        string subject = category[(dot + 1)..];
        return archive is "physics" or "cond-mat"
            ? $"{archive}.{subject.ToLowerInvariant()}"
            : $"{archive}.{subject.ToUpperInvariant()}";
    }
}
