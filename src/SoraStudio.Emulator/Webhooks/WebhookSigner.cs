using System.Security.Cryptography;
using System.Text;

namespace SoraStudio.Emulator.Webhooks;

/// <summary>Standard Webhooks signing as the OpenAI SDKs verify it (contract §7).</summary>
internal static class WebhookSigner
{
    /// <summary>"whsec_" + base64 gives the decoded bytes; any other secret is used as its UTF-8 bytes.</summary>
    public static byte[] KeyFromSecret(string secret) =>
        secret.StartsWith("whsec_", StringComparison.Ordinal)
            ? Convert.FromBase64String(secret["whsec_".Length..])
            : Encoding.UTF8.GetBytes(secret);

    /// <summary>The webhook-signature header value: "v1," + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).</summary>
    public static string Sign(string secret, string webhookId, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyFromSecret(secret), content));
    }
}
