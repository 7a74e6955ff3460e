using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Emulator;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Cast;
using SoraStudio.Web.Tests.Features.Compose;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Cast;

/// <summary>The cast editor on the project page, over a studio whose provider is the emulator on a real port.</summary>
public sealed class CastEditorTests : ComposeTestContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _clips = new();
    private EmulatorServer _emulator = null!;
    private StudioTestHost _host = null!;
    private AsyncServiceScope _scope;

    public async Task InitializeAsync()
    {
        _emulator = await Emulators.StartAsync();
        _host = await StudioTestHost.StartAsync(_folder.Path, _emulator.BaseUrl, o => o.RunWorker = false);
        _scope = _host.Services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<SoraStudio.Web.Features.Accounts.CurrentUser>().Set(_host.Tester);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
        await _emulator.DisposeAsync();
        _folder.Dispose();
        _clips.Dispose();
    }

    private async Task<IRenderedComponent<CastEditor>> UploadAsync(long projectId, string name, double seconds)
    {
        var editor = Render<CastEditor>(p => p.Add(c => c.ProjectId, projectId));
        editor.WaitForAssertion(() => editor.Find("form.cast-upload"));
        editor.FindByLabelText("Character name").Change(name);
        editor.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(
            await File.ReadAllBytesAsync(await TestClips.MakeAsync(_clips.Path, seconds, 1280, 720)), "mara.mp4", contentType: "video/mp4"));
        editor.Find("form.cast-upload").Submit();
        return editor;
    }

    [Fact]
    public async Task AClipTheProviderRefusesShowsTheContractsErrorUnderTheClip()
    {
        var projectId = await Seed.ProjectAsync(_host);

        var editor = await UploadAsync(projectId, "Mara", 6);

        editor.WaitForAssertion(() => Assert.Contains("a character video must be 2 to 4 seconds long", editor.Find("[role=alert][data-field=video]").TextContent), TimeSpan.FromSeconds(20));
        Assert.Contains("No cast yet", editor.Markup);
    }

    [Fact]
    public async Task AGoodClipJoinsTheCastReadyWithItsThumbnail()
    {
        var projectId = await Seed.ProjectAsync(_host);

        var editor = await UploadAsync(projectId, "Mara", 3);

        editor.WaitForAssertion(() => Assert.Equal("Mara", editor.Find(".cast-member__name").TextContent), TimeSpan.FromSeconds(20));
        Assert.Equal("Ready", editor.Find(".cast-member .rz-badge").TextContent.Trim());
        Assert.Contains("Made with", editor.Find(".cast-member__facts").TextContent);
        Assert.Contains("char_", editor.Find(".cast-member__facts").TextContent);
        Assert.Equal(1, _emulator.RequestLog.Count(EmulatorOperation.CreateCharacter));
        Assert.Empty(editor.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task MembersShowWhetherTheyAreUsableHereAndOneNeedingAttentionCanBeLinked()
    {
        var projectId = await Seed.ProjectAsync(_host);
        var editor = await UploadAsync(projectId, "Mara", 3);
        editor.WaitForAssertion(() => editor.Find(".cast-member__name"), TimeSpan.FromSeconds(20));
        await using (var db = await _host.DbAsync())
        {
            var mara = await db.CastMembers.SingleAsync();
            db.CastMembers.AddRange(
                new CastMember { ProjectId = projectId, Name = "Tomas", State = CastMemberState.Ready, Provider = "https://api.elsewhere.example/v1", CharacterId = "char_x", ClipPath = mara.ClipPath, FileName = "t.mp4", CreatedBy = "Tester", CreatedAt = mara.CreatedAt },
                new CastMember { ProjectId = projectId, Name = "Ines", State = CastMemberState.NeedsAttention, Provider = mara.Provider, ClipPath = mara.ClipPath, FileName = "i.mp4", ErrorMessage = "The studio stopped while the provider was making this character.", CreatedBy = "Tester", CreatedAt = mara.CreatedAt });
            await db.SaveChangesAsync();
        }
        var characterId = (await _host.Get<CastService>().ListAsync(projectId)).Single(m => m.Name == "Mara").CharacterId!;

        editor = Render<CastEditor>(p => p.Add(c => c.ProjectId, projectId));
        editor.WaitForAssertion(() => Assert.Equal(3, editor.FindAll(".cast-member").Count));

        string Badge(string name) => editor.FindAll(".cast-member").Single(m => m.GetAttribute("aria-label") == name).QuerySelector(".rz-badge")!.TextContent.Trim();
        Assert.Equal("Unusable here", Badge("Tomas"));
        Assert.Equal("Needs attention", Badge("Ines"));
        Assert.Contains("https://api.elsewhere.example/v1", editor.Markup);
        // Linking Mara's id to Ines is refused at the provider by name, and said so.
        editor.FindByLabelText("Character id of Ines").Change(characterId);
        editor.Find("form.cast-member__link").Submit();
        editor.WaitForAssertion(() => Assert.Contains("is named “Mara” at the provider, not “Ines”", editor.Find(".cast-member [role=alert]").TextContent), TimeSpan.FromSeconds(20));
        // Removing one takes it off the list.
        Button(editor, "Remove Tomas").Click();
        editor.WaitForAssertion(() => Assert.Equal(2, editor.FindAll(".cast-member").Count));
    }
}
