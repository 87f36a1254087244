using Paperboy.Web;

// The web app on its own; `paperboy serve` hosts the same app through PaperboyWebApp.
var app = PaperboyWebApp.Build(args);
await app.RunAsync();

/// <summary>The entry point, public so that tests can host the app with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
