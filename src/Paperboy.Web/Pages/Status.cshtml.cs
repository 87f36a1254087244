using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Syncing;

namespace Paperboy.Web.Pages;

/// <summary>The status page: what the store holds and how the latest syncs went.</summary>
public sealed class StatusModel(StatusService status) : PageModel
{
    public PaperboyStatus? Status { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await status.GetAsync(30, cancellationToken);
}
