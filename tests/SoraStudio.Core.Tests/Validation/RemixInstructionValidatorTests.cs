using SoraStudio.Core.Validation;

namespace SoraStudio.Core.Tests.Validation;

public class RemixInstructionValidatorTests
{
    private readonly RemixInstructionValidator _validator = new();

    [Theory]
    [InlineData("Same shot, switch to 85mm lens")]
    [InlineData("x")]
    public void AnInstructionIsValid(string instruction) => Assert.True(_validator.Validate(instruction).IsValid);

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void AnEmptyOrWhitespaceInstructionIsAnError(string instruction)
    {
        var error = Assert.Single(_validator.Validate(instruction).Errors);

        Assert.Equal("instruction", error.PropertyName);
        Assert.Contains("empty", error.ErrorMessage);
    }

    [Fact]
    public void ThirtyTwoThousandCharactersAreTheLimit()
    {
        Assert.True(_validator.Validate(new string('a', 32_000)).IsValid);

        var error = Assert.Single(_validator.Validate(new string('a', 32_001)).Errors);
        Assert.Equal("instruction", error.PropertyName);
        Assert.Equal("The remix instruction must be at most 32,000 characters; it has 32,001.", error.ErrorMessage);
    }
}
