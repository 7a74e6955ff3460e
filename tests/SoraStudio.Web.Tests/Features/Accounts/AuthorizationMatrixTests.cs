using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Activity;
using SoraStudio.Web.Features.Assets;
using SoraStudio.Web.Features.Export;
using SoraStudio.Web.Features.Gallery;
using SoraStudio.Web.Features.Media;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Features.Review;
using SoraStudio.Web.Features.Shots;
using SoraStudio.Web.Features.Takes;
using SoraStudio.Web.Storage;
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

    public sealed record Ids(long ProjectId, long ShotId, long TakeId, long CommentId, long AssetId);

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
        var asset = await scope.Get<AssetService>().AddAsync(projectId,
            new AssetUpload("Keeper", AssetKind.Character, "keeper.png", "image/png", new MemoryStream(TestImages.Png(1280, 720))));
        return new Ids(projectId, shotId, takeId, commentId, asset.Id);
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
        ["shot takes"] = (ProjectPermission.View, (s, i) => s.Get<TakeQueries>().TakesOfShotAsync(i.ShotId)),
        ["take detail"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().TakeAsync(i.TakeId)),
        ["remix tree"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().RemixTreeAsync(i.TakeId)),
        ["get shot"] = (ProjectPermission.View, (s, i) => s.Get<ShotService>().GetAsync(i.ShotId)),
        ["quote"] = (ProjectPermission.View, (s, i) => s.Get<GenerationService>().QuoteAsync(i.ShotId)),
        ["assets"] = (ProjectPermission.View, (s, i) => s.Get<AssetService>().ListAsync(i.ProjectId)),
        ["comments"] = (ProjectPermission.View, (s, i) => s.Get<CommentService>().ThreadAsync(i.TakeId)),
        ["review"] = (ProjectPermission.View, (s, i) => s.Get<ReviewService>().GetAsync(i.TakeId)),
        ["activity"] = (ProjectPermission.View, (s, i) => s.Get<ActivityQueries>().ProjectAsync(i.ProjectId)),
        ["members"] = (ProjectPermission.View, (s, i) => s.Get<AccountService>().MembersAsync(i.ProjectId)),
        ["project name"] = (ProjectPermission.View, (s, i) => s.Get<AccountService>().ProjectNameAsync(i.ProjectId)),
        ["own role"] = (ProjectPermission.View, (s, i) => s.Get<ProjectService>().RoleAsync(i.ProjectId)),
        ["shot list"] = (ProjectPermission.View, (s, i) => s.Get<ShotService>().ListAsync(i.ProjectId)),
        ["timeline strip"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().TimelineStripAsync(i.ProjectId)),
        ["gallery facets"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().FacetsAsync(i.ProjectId)),
        ["gallery of the project"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().SearchAsync(new GalleryFilter { ProjectId = i.ProjectId }, 0, 10)),
        ["take place"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().PlaceAsync(i.TakeId)),
        ["lineage"] = (ProjectPermission.View, (s, i) => s.Get<GalleryQueries>().LineageAsync(i.ShotId)),
        ["asset"] = (ProjectPermission.View, (s, i) => s.Get<AssetService>().GetAsync(i.AssetId)),
        ["sequence"] = (ProjectPermission.View, (s, i) => s.Get<ExportService>().SequenceAsync(i.ProjectId)),
        ["edit decision list"] = (ProjectPermission.View, (s, i) => s.Get<ExportService>().EdlAsync(i.ProjectId)),
        ["shot list document"] = (ProjectPermission.View, (s, i) => s.Get<ExportService>().ShotListMarkdownAsync(i.ProjectId)),
        ["archive export"] = (ProjectPermission.View, (s, i) => s.Get<ProjectArchive>().ExportAsync(i.ProjectId, new MemoryStream())),
        ["comment"] = (ProjectPermission.Comment, (s, i) => s.Get<CommentService>().AddAsync(i.TakeId, new CommentInput("A note", 2))),
        ["resolve"] = (ProjectPermission.Comment, (s, i) => s.Get<CommentService>().ResolveAsync(i.CommentId, resolved: false)),
        ["rate"] = (ProjectPermission.Review, (s, i) => s.Get<ReviewService>().RateAsync(i.TakeId, 4)),
        ["reset review"] = (ProjectPermission.Review, (s, i) => s.Get<ReviewService>().ResetAsync(i.TakeId)),
        ["request changes"] = (ProjectPermission.Review, (s, i) => s.Get<ReviewService>().RequestChangesAsync(i.TakeId, "Warmer light")),
        ["add shot"] = (ProjectPermission.Edit, (s, i) => s.Get<ShotService>().AddAsync(i.ProjectId, "Another", Seed.Spec())),
        ["move shot"] = (ProjectPermission.Edit, (s, i) => s.Get<ShotService>().MoveAsync(i.ShotId, 0)),
        ["select take"] = (ProjectPermission.Edit, (s, i) => s.Get<ShotService>().SelectTakeAsync(i.ShotId, i.TakeId)),
        ["duplicate shot"] = (ProjectPermission.Edit, (s, i) => s.Get<ShotService>().DuplicateAsync(i.ShotId)),
        ["style bible"] = (ProjectPermission.Edit, (s, i) => s.Get<ProjectService>().SetStyleBibleAsync(i.ProjectId,
            SoraStudio.Core.StyleBible.StyleBible.Empty with { Style = "35 mm film" })),
        ["import clip"] = (ProjectPermission.Edit, ImportClipAsync),
        ["update project"] = (ProjectPermission.Manage, (s, i) => s.Get<ProjectService>().UpdateAsync(i.ProjectId, new ProjectInput($"Renamed {i.ProjectId}"))),
        ["rename project"] = (ProjectPermission.Manage, (s, i) => s.Get<ProjectService>().RenameAsync(i.ProjectId, $"Renamed {i.ProjectId}")),
        ["set budget"] = (ProjectPermission.Manage, (s, i) => s.Get<ProjectService>().SetBudgetAsync(i.ProjectId, null)),
        ["archive project"] = (ProjectPermission.Manage, (s, i) => s.Get<ProjectService>().SetArchivedAsync(i.ProjectId, archived: false)),
        ["invite"] = (ProjectPermission.Manage, (s, i) => s.Get<AccountService>().CreateInviteAsync(i.ProjectId, ProjectRole.Viewer)),
        ["invites"] = (ProjectPermission.Manage, (s, i) => s.Get<AccountService>().InvitesAsync(i.ProjectId)),
    };

    /// <summary>Imports the take's own video (read straight from the store) into its shot.</summary>
    private static async Task ImportClipAsync(UserScope scope, AuthorizationFixture.Ids ids)
    {
        await using var db = await scope.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var path = await db.Clips.Where(c => c.TakeId == ids.TakeId && c.Variant == "video").Select(c => c.RelativePath).SingleAsync();
        await using var video = scope.Get<ClipStore>().OpenRead(path);
        await scope.Get<ClipImporter>().ImportAsync(ids.ShotId, video, "earlier.mp4");
    }

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

    [Fact]
    public async Task TheGalleryAcrossProjectsShowsOnlyTheTakesOfOnesOwnProjects()
    {
        foreach (var (person, identity) in fixture.People)
        {
            await using var scope = fixture.Host.ScopeFor(identity);
            var gallery = scope.Get<GalleryQueries>();

            var slice = await gallery.SearchAsync(new GalleryFilter(), 0, GalleryQueries.MaxSliceSize);
            var facets = await gallery.FacetsAsync(null);

            Assert.All(slice.Items, item => Assert.Equal(fixture.Own.ProjectId, item.ProjectId));
            if (person == "Outsider")
            {
                Assert.Equal(0, slice.Total);
                Assert.Empty(facets.Models);
            }
            else
            {
                Assert.Contains(slice.Items, item => item.Card.TakeId == fixture.Own.TakeId);
                Assert.DoesNotContain(slice.Items, item => item.Card.TakeId == fixture.Other.TakeId);
                Assert.NotEmpty(facets.Models);
            }
        }
    }

    [Fact]
    public async Task AnImportedArchiveBelongsToWhoeverImportedIt()
    {
        using var zip = new MemoryStream();
        await using (var owner = fixture.Host.ScopeFor(fixture.People["Owner"]))
            await owner.Get<ProjectArchive>().ExportAsync(fixture.Own.ProjectId, zip);
        zip.Position = 0;

        await using var viewer = fixture.Host.ScopeFor(fixture.People["Viewer"]);
        var imported = await viewer.Get<ProjectArchive>().ImportAsync(zip);

        Assert.Contains(imported, (await viewer.Get<ProjectService>().ListAsync()).Select(p => p.Id));
        Assert.Contains((await viewer.Get<AccountService>().MembersAsync(imported)), m => m.UserId == fixture.People["Viewer"].UserId && m.Role == ProjectRole.Owner);
        await using var outsider = fixture.Host.ScopeFor(fixture.People["Outsider"]);
        Assert.Equal(StudioErrorKind.NotFound, (await Assert.ThrowsAsync<StudioException>(() => outsider.Get<ProjectService>().GetAsync(imported))).Kind);
        await using var db = await fixture.Host.DbAsync();
        Assert.Contains(await db.Activity.Where(a => a.ProjectId == imported).Select(a => a.Kind).ToListAsync(), k => k == SoraStudio.Web.Data.ActivityKind.ProjectCreated);
    }

    [Theory]
    [InlineData("Owner", HttpStatusCode.OK)]
    [InlineData("Viewer", HttpStatusCode.OK)]
    [InlineData("Outsider", HttpStatusCode.NotFound)]
    public async Task AProjectsExportsAndAssetsAreServedOnlyToItsMembers(string person, HttpStatusCode expected)
    {
        using var http = await fixture.Host.ClientAsync(fixture.People[person]);

        foreach (var url in new[] { ExportEndpoints.Url(fixture.Own.ProjectId, "sequence.edl"), ExportEndpoints.Url(fixture.Own.ProjectId, "shot-list.md"),
                     ExportEndpoints.Url(fixture.Own.ProjectId, "archive.zip"), AssetEndpoint.Url(fixture.Own.AssetId) })
        {
            using var own = await http.GetAsync(url);
            Assert.True(expected == own.StatusCode, $"{url}: {own.StatusCode}");
        }
        foreach (var url in new[] { ExportEndpoints.Url(fixture.Other.ProjectId, "sequence.edl"), ExportEndpoints.Url(fixture.Other.ProjectId, "archive.zip"),
                     AssetEndpoint.Url(fixture.Other.AssetId) })
        {
            using var other = await http.GetAsync(url);
            Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"{url}: {other.StatusCode}");
        }
    }
}
