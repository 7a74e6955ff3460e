using SoraStudio.Core.Catalog;

namespace SoraStudio.Core.Tests.Catalog;

public class ExtensionLimitsTests
{
    [Fact]
    public void AnOriginalClipMayBeExtendedByEveryStep() =>
        Assert.Equal([4, 8, 12, 16, 20], ExtensionLimits.Choices(8, 0));

    [Fact]
    public void OnlyStepsThatKeepTheTotalWithin120SecondsAreOffered()
    {
        Assert.Equal([4, 8, 12], ExtensionLimits.Choices(108, 3));
        Assert.Equal([20], ExtensionLimits.Choices(100, 5).TakeLast(1));
        Assert.Empty(ExtensionLimits.Choices(117, 2));
    }

    [Fact]
    public void TheSixthExtensionMayNotBeExtendedAgain()
    {
        Assert.Equal([4, 8, 12, 16, 20], ExtensionLimits.Choices(28, 5));
        Assert.Empty(ExtensionLimits.Choices(28, 6));
    }
}
