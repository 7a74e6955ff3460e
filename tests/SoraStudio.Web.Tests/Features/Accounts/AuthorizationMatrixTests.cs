using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Activity;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Media;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Accounts;

/// <summary>
/// Two projects with a ready take each. Project "own" has a member of every role; project "other" belongs to
/// someone else. Every action of the application services is tried by every role on both, and on guessed ids.
/// </summary>
public sealed class AuthorizationFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private EmulatorServer _emulator = null!;

    public StudioTestHost Host { get; private set; } = null!;
    public Dictionary<string, StudioIdentity> People { get; } = [];
    public Ids Own { get; private set; } = null!;
    public Ids Other { get; private set; } = null!;

    public sealed record Ids(long ProjectId, long ShotId, long TakeId, long CommentId);

    public async Task InitializeAsync()
    {
        _emulator = await Emulators.StartAsync();
        Host = await StudioTestHost.StartAsync(_folder.Path, _emulator.BaseUrl);
        People["Owner"] = Host.Tester;
        foreach (var role in new[] { ProjectRole.Editor, ProjectRole.Reviewer, ProjectRole.Viewer })
            People[role.ToString()] = await Host.CreateUserAsync($"A {role}");
        People["Outsider"] = await Host.CreateUserAsync("An Outsider");

        Own = await ProjectWithReadyTakeAsync(Host.Tester);
        foreach (var role in new[] { ProjectRole.Editor, ProjectRole.Reviewer, ProjectRole.Viewer })
            await Host.AddMemberAsync(Own.ProjectId, People[role.ToString()], role);
        // The other project's owner is a stranger to everyone above.
        Other = await ProjectWithReadyTakeAsync(await Host.CreateUserAsync("Somebody Else"));
    }

    private async Task<Ids> ProjectWithReadyTakeAsync(StudioIdentity owner)
    {
        await using var scope = Host.ScopeFor(owner);
        var projectId = await scope.Get<ProjectService>().CreateAsync(new ProjectInput($"Project of {owner.Name}"));
        var shotId = await scope.Get<ShotService>().AddAsync(projectId, "Stairs", Seed.Spec());
        var takeId = (await scope.Get<GenerationService>().GenerateAsync(shotId)).Single();
        await StoredTakes.WaitUntilAsync(Host, takes => takes.Any(t => t.Id == takeId && t.Status == TakeStatus.Ready));
        var commentId = await scope.Get<CommentService>().AddAsync(takeId, new CommentInput("First note", 1));
        return new Ids(projectId, shotId, takeId, commentId);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _emulator.DisposeAsync();
        _folder.Dispose();
    }
}

public sealed class AuthorizationMatrixTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    private delegate Task Act(UserScope scope, AuthorizationFixture.Ids ids);

    private static readonly Dictionary<string, (ProjectPermission Needs, Act Act)> Actions = new()
    {
        ["get project"] = (ProjectPermission.View, (s, i) => s.Get<ProjectService>().GetAsync(i.ProjectId)),
        ["budget"] = (ProjectPermission.View, (s, i) => s.Get<ProjectService>().GetBudgetAsync(i.ProjectId)),
        ["timeline"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().TimelineAsync(i.ProjectId)),
        ["project takes"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().ProjectTakesAsync(i.ProjectId)),
        ["shot takes"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().TakesOfShotAsync(i.ShotId)),
        ["take detail"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().TakeAsync(i.TakeId)),
        ["remix tree"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().RemixTreeAsync(i.TakeId)),
        ["get shot"] = (ProjectPermission.View, (s, i) => s.Get<ShotService>().GetAsync(i.ShotId)),
        ["quote"] = (ProjectPermission.View, (s, i) => s.Get<GenerationService>().QuoteAsync(i.ShotId)),
        ["assets"] = (ProjectPermission.View, (s, i) => s.Get<AssetService>().ListAsync(i.ProjectId)),
        ["comments"] = (ProjectPermission.View, (s, i) => s.Get<CommentService>().ThreadAsync(i.TakeId)),
        ["review"] = (ProjectPermission.View, (s, i) => s.Get<ReviewService>().GetAsync(i.TakeId)),
        ["activity"] = (ProjectPermission.View, (s, i) => s.Get<ActivityQueries>().ProjectAsync(i.ProjectId)),
        ["members"] = (ProjectPermission.View, (s, i) => s.Get<AccountService>().MembersAsync(i.ProjectId)),
        ["comment"] = (ProjectPermission.Comment, (s, i) => s.Get<CommentService>().AddAsync(i.TakeId, new CommentInput("A note", 2))),
        ["resolve"] = (ProjectPermission.Comment, (s, i) => s.Get<CommentService>().ResolveAsync(i.CommentId, resolved: false)),
        ["rate"] = (ProjectPermission.Review, (s, i) => s.Get<ReviewService>().RateAsync(i.TakeId, 4)),
        ["reset review"] = (ProjectPermission.Review, (s, i) => s.Get<ReviewService>().ResetAsync(i.TakeId)),
        ["request changes"] = (ProjectPermission.Review, (s, i) => s.Get<ReviewService>().RequestChangesAsync(i.TakeId, "Warmer light")),
        ["add shot"] = (ProjectPermission.Edit, (s, i) => s.Get<ShotService>().AddAsync(i.ProjectId, "Another", Seed.Spec())),
        ["move shot"] = (ProjectPermission.Edit, (s, i) => s.Get<ShotService>().MoveAsync(i.ShotId, 0)),
        ["select take"] = (ProjectPermission.Edit, (s, i) => s.Get<ShotService>().SelectTakeAsync(i.ShotId, i.TakeId)),
        ["update project"] = (ProjectPermission.Manage, (s, i) => s.Get<ProjectService>().UpdateAsync(i.ProjectId, new ProjectInput($"Renamed {i.ProjectId}"))),
        ["invite"] = (ProjectPermission.Manage, (s, i) => s.Get<AccountService>().CreateInviteAsync(i.ProjectId, ProjectRole.Viewer)),
        ["invites"] = (ProjectPermission.Manage, (s, i) => s.Get<AccountService>().InvitesAsync(i.ProjectId)),
    };

    public static TheoryData<string, string> RolesAndActions()
    {
        var data = new TheoryData<string, string>();
        foreach (var person in new[] { "Owner", "Editor", "Reviewer", "Viewer", "Outsider" })
            foreach (var action in Actions.Keys)
                data.Add(person, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndActions))]
    public async Task OnTheirOwnProjectEachRoleCanDoExactlyWhatItAllows(string person, string action)
    {
        var (needs, act) = Actions[action];
        await using var scope = fixture.Host.ScopeFor(fixture.People[person]);
        ProjectRole? role = person == "Outsider" ? null : Enum.Parse<ProjectRole>(person);

        var refusal = await Record.ExceptionAsync(() => act(scope, fixture.Own));

        if (role is null)
            Assert.Equal(StudioErrorKind.NotFound, Assert.IsType<StudioException>(refusal).Kind);
        else if (role.Value.Allows(needs))
            Assert.Null(refusal);
        else
            Assert.Equal(StudioErrorKind.Forbidden, Assert.IsType<StudioException>(refusal).Kind);
    }

    [Theory]
    [MemberData(nameof(RolesAndActions))]
    public async Task OnSomeoneElsesProjectEveryActionAnswersNotFound(string person, string action)
    {
        await using var scope = fixture.Host.ScopeFor(fixture.People[person]);

        var refusal = await Record.ExceptionAsync(() => Actions[action].Act(scope, fixture.Other));

        var error = Assert.IsType<StudioException>(refusal);
        Assert.Equal(StudioErrorKind.NotFound, error.Kind);
        Assert.DoesNotContain("Project of", error.Message);
    }

    [Fact]
    public async Task AProjectListShowsOnlyTheProjectsOneIsAMemberOf()
    {
        foreach (var (person, identity) in fixture.People)
        {
            await using var scope = fixture.Host.ScopeFor(identity);
            var visible = (await scope.Get<ProjectService>().ListAsync()).Select(p => p.Id).ToList();
            Assert.Equal(person == "Outsider" ? [] : [fixture.Own.ProjectId], visible);
        }
    }

    [Fact]
    public async Task GuessedIdsAnswerLikeMissingOnes()
    {
        await using var scope = fixture.Host.ScopeFor(fixture.People["Outsider"]);
        var otherTake = await Assert.ThrowsAsync<StudioException>(() => scope.Get<GalleryQueries>().TakeAsync(fixture.Other.TakeId));
        var noTake = await Assert.ThrowsAsync<StudioException>(() => scope.Get<GalleryQueries>().TakeAsync(987654));

        Assert.Equal(StudioErrorKind.NotFound, otherTake.Kind);
        Assert.Equal($"Take {fixture.Other.TakeId} does not exist.", otherTake.Message);
        Assert.Equal(StudioErrorKind.NotFound, noTake.Kind);
    }

    [Theory]
    [InlineData("Owner", HttpStatusCode.OK)]
    [InlineData("Viewer", HttpStatusCode.OK)]
    [InlineData("Outsider", HttpStatusCode.NotFound)]
    public async Task ATakesVideoIsServedOnlyToMembersOfItsProject(string person, HttpStatusCode expected)
    {
        using var http = await fixture.Host.ClientAsync(fixture.People[person]);

        using var own = await http.GetAsync(ClipEndpoint.Url(fixture.Own.TakeId));
        using var other = await http.GetAsync(ClipEndpoint.Url(fixture.Other.TakeId));

        Assert.Equal(expected, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task WithoutSignInTheMediaEndpointSendsToTheSignInPage()
    {
        using var http = await fixture.Host.ClientAsync(anonymous: true);

        using var response = await http.GetAsync(ClipEndpoint.Url(fixture.Own.TakeId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task AScopeWithoutAnIdentityIsRefused()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();

        var refusal = await Assert.ThrowsAsync<StudioException>(() => scope.ServiceProvider.GetRequiredService<ProjectService>().ListAsync());

        Assert.Equal(StudioErrorKind.Unauthenticated, refusal.Kind);
    }
}
