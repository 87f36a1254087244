using Paperboy.Application.Follows;
using Paperboy.Core.Accounts;

namespace Paperboy.Web.Rendering;

/// <summary>
/// The model of Pages/Shared/_FollowButton.cshtml: what to follow (an author by name, or a category) and
/// whether the reader follows it now. Pages that show an author or a category render
/// <c>&lt;partial name="_FollowButton" model="new FollowButtonModel(FollowKind.Author, name, followed)" /&gt;</c>,
/// asking <see cref="FollowService.IsFollowingAsync"/> for <paramref name="Followed"/> when signed in.
/// The button posts to /follows, which returns the reader to <paramref name="ReturnUrl"/> (default: the page it was on).
/// </summary>
public sealed record FollowButtonModel(FollowKind Kind, string Key, bool Followed, string? ReturnUrl = null)
{
    public string KindName => FollowKeys.KindName(Kind);
}
