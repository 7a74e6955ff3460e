using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Tests.TestSupport;

namespace SoraStudio.Web.Tests.Features.Accounts;

public sealed class AccountServiceTests
{
    [Fact]
    public async Task TheOwnerCanBeCreatedOnlyWhileNoUserExists()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);

        var again = await Assert.ThrowsAsync<StudioException>(() =>
            studio.Get<AccountService>().CreateOwnerAsync(new NewAccount("Mallory", "mallory@studio.test", "long enough password")));

        Assert.Equal(StudioErrorKind.Conflict, again.Kind);
        Assert.True(studio.Tester.IsStudioOwner);
    }

    [Fact]
    public async Task AnInviteMakesAMemberWithItsRoleAndWorksOnlyOnce()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);
        var invite = await studio.Get<AccountService>().CreateInviteAsync(projectId, ProjectRole.Reviewer);

        var (user, joined) = await studio.Get<AccountService>().RedeemInviteAsync(invite.Token, new NewAccount("Rita", "rita@studio.test", "rita's password"), null);
        var second = await Assert.ThrowsAsync<StudioException>(() =>
            studio.Get<AccountService>().RedeemInviteAsync(invite.Token, new NewAccount("Eve", "eve@studio.test", "eve's password!"), null));

        Assert.Equal(projectId, joined);
        var members = await studio.Get<AccountService>().MembersAsync(projectId);
        Assert.Contains(members, m => m.UserId == user.Id && m.Role == ProjectRole.Reviewer);
        Assert.Equal(StudioErrorKind.NotFound, second.Kind);
        // The refused second use leaves no account behind.
        Assert.Null(await studio.Get<UserManager<StudioUser>>().FindByEmailAsync("eve@studio.test"));
        Assert.Null(await studio.Get<AccountService>().PreviewInviteAsync(invite.Token));
    }

    [Fact]
    public async Task ASignedInUserJoinsWithTheirAccountAndAnOwnerKeepsTheirRole()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);
        var other = await Seed.ProjectAsync(studio, name: "Harbour");
        var vic = await studio.CreateUserAsync("Vic");
        var accounts = studio.Get<AccountService>();
        var toViewer = await accounts.CreateInviteAsync(projectId, ProjectRole.Viewer);
        var ownerDemotion = await accounts.CreateInviteAsync(other, ProjectRole.Viewer);

        var (joined, _) = await accounts.RedeemInviteAsync(toViewer.Token, null, vic.UserId);
        await accounts.RedeemInviteAsync(ownerDemotion.Token, null, studio.Tester.UserId);

        Assert.Equal(vic.UserId, joined.Id);
        Assert.Contains(await accounts.MembersAsync(projectId), m => m.UserId == vic.UserId && m.Role == ProjectRole.Viewer);
        Assert.Contains(await accounts.MembersAsync(other), m => m.UserId == studio.Tester.UserId && m.Role == ProjectRole.Owner);
        var third = await accounts.CreateInviteAsync(projectId, ProjectRole.Editor);
        var anonymous = await Assert.ThrowsAsync<StudioException>(() => accounts.RedeemInviteAsync(third.Token, null, null));
        Assert.Equal(StudioErrorKind.Unauthenticated, anonymous.Kind);
    }

    [Fact]
    public async Task AnExpiredOrWithdrawnInviteDoesNotWork()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder, o => o.Settings["Studio:Accounts:InviteLifetime"] = "00:05:00");
        var projectId = await Seed.ProjectAsync(studio);
        var accounts = studio.Get<AccountService>();
        var expiring = await accounts.CreateInviteAsync(projectId, ProjectRole.Viewer);
        var withdrawn = await accounts.CreateInviteAsync(projectId, ProjectRole.Viewer);
        await using (var db = await studio.DbAsync())
        {
            var row = db.Invites.Single(i => i.Id == expiring.Id);
            row.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }
        await accounts.RevokeInviteAsync(projectId, withdrawn.Id);

        foreach (var token in new[] { expiring.Token, withdrawn.Token, "made-up-token" })
        {
            var refusal = await Assert.ThrowsAsync<StudioException>(() => accounts.RedeemInviteAsync(token, new NewAccount($"Late {token[..4]}", $"{token[..4]}@studio.test", "late password!"), null));
            Assert.Equal(StudioErrorKind.NotFound, refusal.Kind);
        }
    }

    [Fact]
    public async Task OnlyTheInvitesHashIsStored()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);

        var invite = await studio.Get<AccountService>().CreateInviteAsync(projectId, ProjectRole.Editor);

        await using var db = await studio.DbAsync();
        var stored = db.Invites.Single(i => i.Id == invite.Id);
        Assert.NotEqual(invite.Token, stored.TokenHash);
        Assert.Equal(AccountService.Hash(invite.Token), stored.TokenHash);
        Assert.True(invite.Token.Length >= 43, "32 random bytes, base64url");
    }

    [Fact]
    public async Task AProjectKeepsAnOwner()
    {
        using var folder = new TempFolder();
        await using var studio = await OfflineStudio.StartAsync(folder);
        var projectId = await Seed.ProjectAsync(studio);

        var refusal = await Assert.ThrowsAsync<StudioException>(() => studio.Get<AccountService>().SetRoleAsync(projectId, studio.Tester.UserId, ProjectRole.Viewer));

        Assert.Equal(StudioErrorKind.Conflict, refusal.Kind);
    }

    [Fact]
    public async Task TheOwnerComesFromConfigurationWhenNoUserExists()
    {
        using var folder = new TempFolder();
        await using var app = StudioTestHost.Start(folder, settings: new()
        {
            ["Studio:Owner:Email"] = "boss@studio.test",
            ["Studio:Owner:Password"] = "boss password 1",
        }, configure: o => o.RunWorker = false);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>();
        var boss = await users.FindByEmailAsync("boss@studio.test");

        Assert.NotNull(boss);
        Assert.True(await users.IsInRoleAsync(boss, StudioClaims.OwnerRole));
        Assert.Equal("boss", boss.DisplayName);
    }
}
