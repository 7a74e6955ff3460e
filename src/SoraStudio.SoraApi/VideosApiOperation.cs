namespace SoraStudio.SoraApi;

/// <summary>The endpoints' names, as messages and logs give them.</summary>
internal static class VideosApiOperation
{
    public const string CreateVideo = nameof(CreateVideo);
    public const string RemixVideo = nameof(RemixVideo);
    public const string GetVideo = nameof(GetVideo);
    public const string ListVideos = nameof(ListVideos);
    public const string DeleteVideo = nameof(DeleteVideo);
    public const string DownloadContent = nameof(DownloadContent);
    public const string EditVideo = nameof(EditVideo);
    public const string ExtendVideo = nameof(ExtendVideo);
    public const string CreateCharacter = nameof(CreateCharacter);
    public const string GetCharacter = nameof(GetCharacter);
}
