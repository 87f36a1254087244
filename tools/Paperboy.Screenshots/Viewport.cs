namespace Paperboy.Screenshots;

/// <summary>A screen to render at; phones get touch and the mobile viewport meta tag honoured.</summary>
internal sealed record Viewport(int Width, int Height, bool IsMobile);
