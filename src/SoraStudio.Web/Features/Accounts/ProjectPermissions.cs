using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Accounts;

public enum ProjectPermission
{
    /// <summary>See the project, its shots, takes, comments and activity.</summary>
    View,
    /// <summary>Write comments and replies.</summary>
    Comment,
    /// <summary>Approve a take, ask for changes, rate.</summary>
    Review,
    /// <summary>Compose shots, upload assets, generate, remix, retry, cancel, select takes.</summary>
    Edit,
    /// <summary>Members and invites, budget and the project's settings, deleting it.</summary>
    Manage,
}

/// <summary>The roles of the issue: Owner everything, Editor makes, Reviewer judges, Viewer looks.</summary>
public static class ProjectPermissions
{
    public static bool Allows(this ProjectRole role, ProjectPermission permission) => permission switch
    {
        ProjectPermission.View => true,
        ProjectPermission.Comment => role is ProjectRole.Owner or ProjectRole.Editor or ProjectRole.Reviewer,
        ProjectPermission.Review => role is ProjectRole.Owner or ProjectRole.Reviewer,
        ProjectPermission.Edit => role is ProjectRole.Owner or ProjectRole.Editor,
        ProjectPermission.Manage => role is ProjectRole.Owner,
        _ => false,
    };

    public static string Describe(ProjectPermission permission) => permission switch
    {
        ProjectPermission.Comment => "comment",
        ProjectPermission.Review => "review takes",
        ProjectPermission.Edit => "compose and generate",
        ProjectPermission.Manage => "manage the project",
        _ => "view the project",
    };
}
