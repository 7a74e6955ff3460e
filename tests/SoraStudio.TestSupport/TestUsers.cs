using Microsoft.Extensions.DependencyInjection;
using SoraStudio.Web.Features.Accounts;

namespace SoraStudio.TestSupport;

public static class TestUsers
{
    /// <summary>Sets the studio up with an owner and makes the scope of <paramref name="services"/> act as them.</summary>
    public static async Task<StudioIdentity> ActAsNewOwnerAsync(IServiceProvider services)
    {
        var owner = await services.GetRequiredService<AccountService>().CreateOwnerAsync(new NewAccount("Owner", "owner@studio.test", StudioTestHost.TesterPassword));
        var identity = new StudioIdentity(owner.Id, owner.DisplayName, IsStudioOwner: true);
        services.GetRequiredService<CurrentUser>().Set(identity);
        return identity;
    }
}
