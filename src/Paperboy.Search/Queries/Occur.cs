namespace Paperboy.Search.Queries;

/// <summary>How a clause takes part: optional and scored (plain), required (+, AND), or excluded (-, NOT).</summary>
internal enum Occur
{
    Should,
    Must,
    MustNot,
}
