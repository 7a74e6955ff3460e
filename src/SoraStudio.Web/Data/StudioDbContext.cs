using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SoraStudio.Web.Data;

/// <summary>
/// The studio's database. Migrations: <c>dotnet ef migrations add &lt;WhatItDoes&gt; --project src/SoraStudio.Web
/// --output-dir Data/Migrations</c> (dotnet-ef from the local tool manifest: <c>dotnet tool restore</c>).
/// </summary>
public sealed class StudioDbContext(DbContextOptions<StudioDbContext> options) : IdentityDbContext<StudioUser>(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Shot> Shots => Set<Shot>();
    public DbSet<Take> Takes => Set<Take>();
    public DbSet<Clip> Clips => Set<Clip>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<CastMember> CastMembers => Set<CastMember>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    // Accounts and review (issue 7); Identity's own tables come from the base class.
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();
    public DbSet<Invite> Invites => Set<Invite>();
    public DbSet<TakeReview> TakeReviews => Set<TakeReview>();
    public DbSet<TakeComment> TakeComments => Set<TakeComment>();
    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();
    public DbSet<StudioSetting> Settings => Set<StudioSetting>();

    // Personal access tokens of the automation API.
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StudioDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        TakeNumbering.SaveChanges(this, () => base.SaveChanges(acceptAllChangesOnSuccess));

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        TakeNumbering.SaveChangesAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date or decimal type: EF Core stores them as text, which neither orders nor sums (still so in EF Core 10).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<MicrodollarsConverter>();
    }
}
