using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Tests.Architecture.Fakes;

// Components for ArchitectureRulesTests: three handed the database directly, one handed a service.

internal sealed class ComponentWithContextFactory : ComponentBase
{
    [Inject]
    public IDbContextFactory<StudioDbContext> Factory { get; set; } = null!;
}

internal sealed class ComponentWithPrivateContext : ComponentBase
{
    [Inject]
    private StudioDbContext Db { get; set; } = null!;

    public bool HasDb => Db is not null;
}

internal sealed class ComponentWithContextInItsConstructor(StudioDbContext db) : ComponentBase
{
    public bool HasDb => db is not null;
}

internal sealed class ComponentWithAService : ComponentBase
{
    [Inject]
    public TimeProvider Time { get; set; } = null!;
}

internal sealed class ServiceWithContext(StudioDbContext db)
{
    public bool HasDb => db is not null;
}
