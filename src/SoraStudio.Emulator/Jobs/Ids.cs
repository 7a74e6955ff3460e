using System.Security.Cryptography;

namespace SoraStudio.Emulator.Jobs;

internal static class Ids
{
    /// <summary>Video ids look like the real ones: "video_" + 48 lowercase hex digits.</summary>
    public static string NewVideoId() => "video_" + Hex(48);

    public static string NewCharacterId() => "char_" + Hex(32);

    public static string NewRequestId() => "req_" + Hex(32);

    public static string Hex(int digits) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((digits + 1) / 2))[..digits];
}
