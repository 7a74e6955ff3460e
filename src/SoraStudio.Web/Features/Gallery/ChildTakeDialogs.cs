using Radzen;

namespace SoraStudio.Web.Features.Gallery;

/// <summary>Opens the remix dialog for a ready take; returns the queued child's id, or null when closed.</summary>
public static class RemixLauncher
{
    public static async Task<long?> OpenAsync(DialogService dialogs, GalleryQueries gallery, long parentTakeId)
    {
        var parent = await gallery.TakeAsync(parentTakeId);
        var result = await dialogs.OpenAsync<RemixDialog>($"Remix take {parentTakeId}",
            new Dictionary<string, object?>
            {
                [nameof(RemixDialog.ParentTakeId)] = parentTakeId,
                [nameof(RemixDialog.ParentPrompt)] = parent.Prompt,
            },
            new DialogOptions { Width = "min(760px, 96vw)", CloseDialogOnEsc = true, CssClass = "remix-dialog-host" });
        return result is long id ? id : null;
    }
}
