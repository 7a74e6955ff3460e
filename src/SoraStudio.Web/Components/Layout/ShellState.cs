namespace SoraStudio.Web.Components.Layout;

/// <summary>One breadcrumb: its text and, except for the current page, where it leads.</summary>
public sealed record Crumb(string Text, string? Path = null);

/// <summary>
/// What the app shell shows about the page inside it: the current project (top bar, project-scoped navigation) and
/// the breadcrumbs. A page sets it once it has loaded; the layout redraws on <see cref="Changed"/>. Scoped: one per circuit.
/// </summary>
public sealed class ShellState
{
    public long? ProjectId { get; private set; }
    public string? ProjectName { get; private set; }
    public IReadOnlyList<Crumb> Crumbs { get; private set; } = [];

    public event Action? Changed;

    public void Show(long? projectId, string? projectName, params Crumb[] crumbs)
    {
        (ProjectId, ProjectName, Crumbs) = (projectId, projectName, crumbs);
        Changed?.Invoke();
    }
}
