namespace Paperboy.Core.Subscriptions;

/// <summary>What a subscription can ask for besides trending papers.</summary>
public enum TopicKind
{
    /// <summary>An arXiv category (cs.LG), kept as arXiv writes it.</summary>
    Category,

    /// <summary>A saved search: any query string in the search syntax.</summary>
    Query,

    /// <summary>An author, by folded name (the key follows use).</summary>
    Author,
}

/// <summary>One topic: <paramref name="Key"/> is what is matched, <paramref name="Label"/> what the subscriber typed.</summary>
public sealed record SubscriptionTopic(TopicKind Kind, string Key, string Label);
