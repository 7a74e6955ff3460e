namespace SoraStudio.Web.Features.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>Export (joined MP4, EDL, shot list, project archive) and import (archives, clips), with the ffmpeg/ffprobe they run.</summary>
    public static IServiceCollection AddStudioExport(this IServiceCollection services)
    {
        services.AddSingleton<MediaTools>();
        services.AddScoped<ExportService>();
        services.AddScoped<ProjectArchive>();
        services.AddScoped<ClipImporter>();
        return services;
    }
}
