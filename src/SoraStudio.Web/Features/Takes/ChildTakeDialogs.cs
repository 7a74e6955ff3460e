using Radzen;
namespace SoraStudio.Web.Features.Takes;

/// <summary>
/// Opens the dialogs that make a child of a ready take: one change (an edit, or a remix where the provider has no edits)
/// and an extension. Each returns the queued child's id, or null when the dialog was closed.
/// </summary>
public static class ChildTakeDialogs
{
    /// <param name="initial">The instruction to start from (a review note's text).</param>
    /// <param name="queue">Queues the child instead of the dialog (a review note links the take it becomes); returns its id.</param>
    public static async Task<long?> ChangeAsync(DialogService dialogs, TakeQueries takes, GenerationService generation, long parentTakeId,
        string? initial = null, Func<string, Task<long>>? queue = null)
    {
        var parent = await takes.ModelAndPromptAsync(parentTakeId);
        if (generation.OneChangeKind(parent.Model) is not { } kind)
            return null;
        var result = await dialogs.OpenAsync<RemixDialog>($"{kind} take {Shown(parentTakeId, parent.Number)}",
            new Dictionary<string, object?>
            {
                [nameof(RemixDialog.ParentTakeId)] = parentTakeId,
                [nameof(RemixDialog.ParentNumber)] = parent.Number,
                [nameof(RemixDialog.ParentPrompt)] = parent.Prompt,
                [nameof(RemixDialog.Kind)] = kind,
                [nameof(RemixDialog.Initial)] = initial,
                [nameof(RemixDialog.Queue)] = queue,
            },
            new DialogOptions { Width = "min(760px, 96vw)", CloseDialogOnEsc = true, CssClass = "remix-dialog-host" });
        return result is long id ? id : null;
    }

    public static async Task<long?> ExtendAsync(DialogService dialogs, TakeQueries takes, long parentTakeId)
    {
        var parent = await takes.ModelAndPromptAsync(parentTakeId);
        var result = await dialogs.OpenAsync<ExtendDialog>($"Extend take {Shown(parentTakeId, parent.Number)}",
            new Dictionary<string, object?>
            {
                [nameof(ExtendDialog.ParentTakeId)] = parentTakeId,
                [nameof(ExtendDialog.ParentNumber)] = parent.Number,
                [nameof(ExtendDialog.ParentPrompt)] = parent.Prompt,
            },
            new DialogOptions { Width = "min(760px, 96vw)", CloseDialogOnEsc = true, CssClass = "remix-dialog-host" });
        return result is long id ? id : null;
    }

    private static long Shown(long takeId, int number) => number > 0 ? number : takeId;
}
