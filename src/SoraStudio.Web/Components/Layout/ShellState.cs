using Microsoft.AspNetCore.Components;

namespace SoraStudio.Web.Components.Layout;

/// <summary>One breadcrumb: its text and, except for the current page, where it leads.</summary>
public sealed record Crumb(string Text, string? Path = null);

/// <summary>
/// What the app shell shows about the page inside it: the current project (top bar, project-scoped navigation) and
/// the breadcrumbs. A page sets it once it has loaded; the layout redraws on <see cref="Changed"/>. What a page set
/// holds for its address only, so a page that sets nothing (another feature's) shows no stale project. Scoped: one per circuit.
/// </summary>
public sealed class ShellState(NavigationManager navigation)
{
    private string? _path;
    private long? _projectId;
    private string? _projectName;
    private IReadOnlyList<Crumb> _crumbs = [];

    private bool Current => _path == PathOf(navigation.Uri);

    public long? ProjectId => Current ? _projectId : null;
    public string? ProjectName => Current ? _projectName : null;
    public IReadOnlyList<Crumb> Crumbs => Current ? _crumbs : [];

    public event Action? Changed;

    public void Show(long? projectId, string? projectName, params Crumb[] crumbs)
    {
        (_path, _projectId, _projectName, _crumbs) = (PathOf(navigation.Uri), projectId, projectName, crumbs);
        Changed?.Invoke();
    }

    private string PathOf(string uri) => navigation.ToBaseRelativePath(uri).Split('?', '#')[0];
}
