using Paperboy.Application.Follows;
using Paperboy.Application.Upvotes;
using Paperboy.Core.Accounts;

namespace Paperboy.Application.Contracts;

/// <summary>A paper's upvotes: cast here, imported (Hugging Face), their sum, and whether the caller upvoted.</summary>
public sealed record UpvoteResource(string PaperId, int Local, int Imported, int Total, bool Upvoted)
{
    public static UpvoteResource From(UpvoteState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.PaperId, state.Local, state.Imported, state.Total, state.Upvoted);
    }
}

/// <summary>An author or category followed: the normalized key, the label as followed, and since when.</summary>
public sealed record FollowResource(string Kind, string Key, string Label, DateTimeOffset Since)
{
    public static FollowResource From(Follow follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        return new(FollowKeys.KindName(follow.Kind), follow.Key, follow.Label, follow.Created);
    }
}
