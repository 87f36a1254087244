namespace Paperboy.Browser.Tests;

/// <summary>The tests that share <see cref="BrowserFixture"/>: one app, one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
