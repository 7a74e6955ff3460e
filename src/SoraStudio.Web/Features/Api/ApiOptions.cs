namespace SoraStudio.Web.Features.Api;

/// <summary>The <c>Studio:Api</c> section: limits of the automation API.</summary>
public sealed class ApiOptions
{
    public const string Section = "Studio:Api";

    /// <summary>The largest JSON body the API reads; larger ones get 413 and nothing is written.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The page size of take lists when the caller gives none.</summary>
    public int DefaultPageSize { get; set; } = 48;
}
