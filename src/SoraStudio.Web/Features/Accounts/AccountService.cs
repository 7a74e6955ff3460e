using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Accounts;

public sealed record NewAccount(string DisplayName, string Email, string Password);

public sealed record MemberInfo(string UserId, string DisplayName, string Email, ProjectRole Role, DateTimeOffset AddedAt);

public sealed record InviteInfo(long Id, ProjectRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, string? UsedBy);

/// <summary>A new invite: the token appears here once, for the link the owner copies; only its hash is kept.</summary>
public sealed record CreatedInvite(long Id, string Token, DateTimeOffset ExpiresAt)
{
    public string Path => $"/account/join/{Token}";
}

/// <summary>Where an invite link stands, for the join page.</summary>
public sealed record InvitePreview(string ProjectName, ProjectRole Role, DateTimeOffset ExpiresAt);

/// <summary>The studio's accounts: the owner at first run, members through invites, and each project's members.</summary>
public sealed class AccountService(
    UserManager<StudioUser> users,
    RoleManager<IdentityRole> roles,
    IDbContextFactory<StudioDbContext> contexts,
    ProjectAccess access,
    IOptions<AccountOptions> options,
    TimeProvider time)
{
    public const int MaxDisplayName = 100;

    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken = default) =>
        await users.Users.AnyAsync(cancellationToken);

    /// <summary>Makes the studio's owner; refused once any user exists.</summary>
    public async Task<StudioUser> CreateOwnerAsync(NewAccount account, CancellationToken cancellationToken = default)
    {
        if (await AnyUserAsync(cancellationToken))
            throw new StudioException(StudioErrorKind.Conflict, "The studio is already set up; sign in instead.");
        var user = await CreateUserAsync(account);
        if (!await roles.RoleExistsAsync(StudioClaims.OwnerRole))
            Check(await roles.CreateAsync(new IdentityRole(StudioClaims.OwnerRole)));
        Check(await users.AddToRoleAsync(user, StudioClaims.OwnerRole));
        return user;
    }

    public async Task<CreatedInvite> CreateInviteAsync(long projectId, ProjectRole role, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await access.RequireProjectAsync(db, projectId, ProjectPermission.Manage, cancellationToken);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var invite = new Invite
        {
            ProjectId = projectId,
            Role = role,
            TokenHash = Hash(token),
            CreatedByUserId = user.UserId,
            CreatedAt = now,
            ExpiresAt = now + options.Value.InviteLifetime,
        };
        db.Invites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedInvite(invite.Id, token, invite.ExpiresAt);
    }

    public async Task<IReadOnlyList<InviteInfo>> InvitesAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.Manage, cancellationToken);
        return await db.Invites.AsNoTracking().Where(i => i.ProjectId == projectId).OrderByDescending(i => i.CreatedAt)
            .Select(i => new InviteInfo(i.Id, i.Role, i.CreatedAt, i.ExpiresAt, i.UsedAt,
                db.Users.Where(u => u.Id == i.UsedByUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Withdraws an unused invite: its link stops working at once.</summary>
    public async Task RevokeInviteAsync(long projectId, long inviteId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.Manage, cancellationToken);
        var invite = await db.Invites.SingleOrDefaultAsync(i => i.Id == inviteId && i.ProjectId == projectId, cancellationToken)
            ?? throw StudioException.NotFound("Invite", inviteId);
        db.Invites.Remove(invite);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the link offers, or null when it is unknown, used or expired (the join page says which, not which one).</summary>
    public async Task<InvitePreview?> PreviewInviteAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = Hash(token ?? "");
        var now = time.GetUtcNow();
        var invite = await db.Invites.AsNoTracking().Where(i => i.TokenHash == hash)
            .Select(i => new { i.UsedAt, i.ExpiresAt, i.Role, i.Project!.Name }).SingleOrDefaultAsync(cancellationToken);
        return invite is null || invite.UsedAt is not null || invite.ExpiresAt <= now ? null : new InvitePreview(invite.Name, invite.Role, invite.ExpiresAt);
    }

    /// <summary>
    /// Uses the invite: a new account when <paramref name="account"/> is given, else the signed-in user joins.
    /// The invite is claimed with a conditional update first, so two people racing with one link cannot both join.
    /// </summary>
    public async Task<(StudioUser User, long ProjectId)> RedeemInviteAsync(string token, NewAccount? account, string? signedInUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = Hash(token ?? "");
        var now = time.GetUtcNow();
        var invite = await db.Invites.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invite is null || invite.UsedAt is not null || invite.ExpiresAt <= now)
            throw new StudioException(StudioErrorKind.NotFound, "This invite link is not valid: it was used, it expired or it was withdrawn. Ask for a new one.");

        // A new account is made first (its password may be refused, and that must not use up the link) and undone
        // if someone else claims the link meanwhile.
        var user = account is null
            ? await users.FindByIdAsync(signedInUserId ?? "") ?? throw new StudioException(StudioErrorKind.Unauthenticated, "Sign in, or create an account, to join.")
            : await CreateUserAsync(account);

        var claimed = await db.Invites.Where(i => i.Id == invite.Id && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedByUserId, user.Id), cancellationToken);
        if (claimed == 0)
        {
            if (account is not null)
                await users.DeleteAsync(user);
            throw new StudioException(StudioErrorKind.NotFound, "This invite link was just used. Ask for a new one.");
        }

        var member = await db.ProjectMembers.SingleOrDefaultAsync(m => m.ProjectId == invite.ProjectId && m.UserId == user.Id, cancellationToken);
        if (member is null)
            db.ProjectMembers.Add(new ProjectMember { ProjectId = invite.ProjectId, UserId = user.Id, Role = invite.Role, AddedAt = now });
        else if (member.Role != ProjectRole.Owner)
            member.Role = invite.Role;
        ActivityLog.Add(db, now, invite.ProjectId, new StudioIdentity(user.Id, user.DisplayName, false), ActivityKind.MemberJoined,
            $"joined as {invite.Role}");
        await db.SaveChangesAsync(cancellationToken);
        return (user, invite.ProjectId);
    }

    public async Task<IReadOnlyList<MemberInfo>> MembersAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        return await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == projectId)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new MemberInfo(m.UserId, m.User!.DisplayName, m.User.Email ?? "", m.Role, m.AddedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The project's name, for the members page's header (which stands below the Projects feature).</summary>
    public async Task<string> ProjectNameAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        return await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
    }

    /// <summary>Changes a member's role (null removes the member). A project always keeps one Owner.</summary>
    public async Task SetRoleAsync(long projectId, string userId, ProjectRole? role, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await access.RequireProjectAsync(db, projectId, ProjectPermission.Manage, cancellationToken);
        var member = await db.ProjectMembers.Include(m => m.User).SingleOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId, cancellationToken)
            ?? throw new StudioException(StudioErrorKind.NotFound, "That person is not a member of this project.");
        if (member.Role == ProjectRole.Owner && role != ProjectRole.Owner
            && await db.ProjectMembers.CountAsync(m => m.ProjectId == projectId && m.Role == ProjectRole.Owner, cancellationToken) == 1)
            throw new StudioException(StudioErrorKind.Conflict, "A project needs an Owner: make someone else Owner first.");
        if (role is { } newRole)
            member.Role = newRole;
        else
            db.ProjectMembers.Remove(member);
        ActivityLog.Add(db, time.GetUtcNow(), projectId, actor, ActivityKind.MemberChanged,
            role is null ? $"removed {member.User!.DisplayName}" : $"made {member.User!.DisplayName} {role}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<StudioUser> CreateUserAsync(NewAccount account)
    {
        await ValidateAsync(account);
        var user = new StudioUser
        {
            UserName = account.Email.Trim(),
            Email = account.Email.Trim(),
            DisplayName = account.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, account.Password));
        return user;
    }

    private async Task ValidateAsync(NewAccount account)
    {
        var name = account.DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > MaxDisplayName)
            throw StudioException.Invalid("displayName", $"Enter a name of 1 to {MaxDisplayName} characters.");
        if (name.Any(char.IsControl) || name.Contains('@'))
            throw StudioException.Invalid("displayName", "A name cannot contain @ or control characters.");
        if (await users.Users.AnyAsync(u => u.DisplayName == name))
            throw StudioException.Invalid("displayName", $"“{name}” is taken; @mentions need names to be unique.");
        if (string.IsNullOrWhiteSpace(account.Email) || !account.Email.Contains('@'))
            throw StudioException.Invalid("email", "Enter an email address.");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var errors = result.Errors.GroupBy(e => e.Code.Contains("Password") ? "password" : e.Code.Contains("Email") || e.Code.Contains("UserName") ? "email" : "account")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
            throw new StudioException(StudioErrorKind.Invalid, string.Join(" ", result.Errors.Select(e => e.Description)), errors);
        }
    }
}
