namespace Paperboy.Application.Contracts;

/// <summary>The answer of POST /api/subscriptions: the same whether or not the address was known.</summary>
public sealed record SubscribeResource(string Status, string Message);
