namespace SoraStudio.Web.Data;

/// <summary>A member's role in one project; <see cref="Features.Accounts.ProjectPermissions"/> says what each may do.</summary>
public enum ProjectRole
{
    /// <summary>Sees the project's shots, takes and comments.</summary>
    Viewer = 0,
    /// <summary>Views, comments, rates, approves takes or asks for changes.</summary>
    Reviewer = 1,
    /// <summary>Composes, generates, remixes and selects takes; comments.</summary>
    Editor = 2,
    /// <summary>Everything: members, budget, the project's settings, deleting it.</summary>
    Owner = 3,
}
