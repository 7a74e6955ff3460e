namespace SoraStudio.SoraApi.Tests;

public sealed class ClientLibraryTests
{
    [Fact]
    public void TheClientRunsWithoutTheAspNetCoreSharedFramework()
    {
        var references = typeof(IVideosApi).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
