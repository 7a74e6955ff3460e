namespace SoraStudio.SoraApi;

/// <summary>The endpoints, as named in messages and logs.</summary>
internal enum VideosApiOperation
{
    CreateVideo,
    RemixVideo,
    GetVideo,
    ListVideos,
    DeleteVideo,
    DownloadContent,
}

internal static class VideosApiOperationExtensions
{
    /// <summary>Paid calls create a billed job and carry no idempotency key: a blind retry may pay twice.</summary>
    public static bool IsPaid(this VideosApiOperation operation) =>
        operation is VideosApiOperation.CreateVideo or VideosApiOperation.RemixVideo;
}
