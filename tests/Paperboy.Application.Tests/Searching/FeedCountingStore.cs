using System.Reflection;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Tests.Searching;

/// <summary>
/// A real store seen through a proxy that counts how often the change feed is read, to tell papers taken
/// from the store's batch reports apart from papers read back. Every call goes to the real store.
/// </summary>
public class FeedCountingStore : DispatchProxy
{
    private object _store = null!;

    public int FeedReads { get; private set; }

    /// <summary>A store both kinds of caller see: IPaperStore, and IStoredBatchSource when the real one is.</summary>
    public interface IReportingStore : IPaperStore, IStoredBatchSource;

    public static (IReportingStore Store, FeedCountingStore Counter) Over(IPaperStore store)
    {
        var proxy = Create<IReportingStore, FeedCountingStore>();
        var counter = (FeedCountingStore)(object)proxy;
        counter._store = store;
        return (proxy, counter);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name is nameof(IPaperStore.ScanChangedSinceAsync) or nameof(IPaperStore.ListRemovedSinceAsync))
        {
            FeedReads++;
        }
        try
        {
            return targetMethod.Invoke(_store, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
