using FluentValidation;
using SoraStudio.Core.Validation;

namespace SoraStudio.Web.Features.Assets;

public sealed class AssetUploadValidator : AbstractValidator<AssetUpload>
{
    public AssetUploadValidator()
    {
        RuleFor(a => a.Name).Must(n => !string.IsNullOrWhiteSpace(n)).OverridePropertyName("name").WithMessage("An asset needs a name.");
        RuleFor(a => a.Name).MaximumLength(200).OverridePropertyName("name");
        RuleFor(a => a.FileName).Must(n => !string.IsNullOrWhiteSpace(n)).OverridePropertyName("fileName").WithMessage("The file needs a name.");
        RuleFor(a => a.FileName).MaximumLength(260).OverridePropertyName("fileName");
        RuleFor(a => a.Kind).IsInEnum().OverridePropertyName("kind");
        RuleFor(a => a.ContentType)
            .Must(t => ShotSpecValidator.ReferenceImageContentTypes.Contains(t, StringComparer.OrdinalIgnoreCase)).OverridePropertyName("contentType")
            .WithMessage(a => $"A reference image must be one of {string.Join(", ", ShotSpecValidator.ReferenceImageContentTypes)}; it is “{a.ContentType}”.");
    }
}
