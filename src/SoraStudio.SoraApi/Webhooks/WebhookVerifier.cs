using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace SoraStudio.SoraApi.Webhooks;

/// <summary>
/// Verifies OpenAI webhook deliveries as Standard Webhooks specifies: HMAC-SHA256 over
/// <c>"{webhook-id}.{webhook-timestamp}.{raw body}"</c>, sent as <c>v1,{base64}</c> (one of several space-separated
/// entries; other versions are ignored), within a replay window.
/// </summary>
public sealed class WebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    private const string SecretPrefix = "whsec_";
    private const string SignaturePrefix = "v1,";

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;
    private readonly long _toleranceSeconds;

    /// <param name="secret">The signing secret: <c>whsec_</c> + base64 of the key, or (as the SDKs also allow) the key as text.</param>
    public WebhookVerifier(string secret, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Key(secret);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _toleranceSeconds = (long)(tolerance ?? DefaultTolerance).TotalSeconds;
    }

    /// <summary>Verifies a delivery and parses its event.</summary>
    /// <param name="headers">The delivery's headers, names in any case (ASP.NET Core's <c>IHeaderDictionary</c> is one).</param>
    /// <exception cref="WebhookVerificationException">The delivery must be rejected.</exception>
    public WebhookEvent Unwrap(string payload, IEnumerable<KeyValuePair<string, StringValues>> headers)
    {
        Verify(payload, headers);
        return WebhookEvent.Parse(payload);
    }

    public void Verify(string payload, IEnumerable<KeyValuePair<string, StringValues>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Verify(payload, Header(headers, IdHeader), Header(headers, TimestampHeader), Header(headers, SignatureHeader));
    }

    public void Verify(string payload, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Verify(Encoding.UTF8.GetBytes(payload), webhookId, webhookTimestamp, webhookSignature);
    }

    /// <summary>Verifies the raw body bytes, exactly as received.</summary>
    public void Verify(ReadOnlySpan<byte> payload, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        var signature = Required(webhookSignature, SignatureHeader);
        var timestampText = Required(webhookTimestamp, TimestampHeader);
        var id = Required(webhookId, IdHeader);

        // Like Python's int(): surrounding whitespace, a sign and leading zeros are fine; the original text is what was signed.
        if (!long.TryParse(timestampText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw new WebhookVerificationException(WebhookFailure.InvalidTimestamp, "Invalid webhook timestamp format.");
        }
        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (now - timestamp > _toleranceSeconds)
        {
            throw new WebhookVerificationException(WebhookFailure.TimestampTooOld, "Webhook timestamp is too old.");
        }
        if (timestamp > now + _toleranceSeconds)
        {
            throw new WebhookVerificationException(WebhookFailure.TimestampTooNew, "Webhook timestamp is too new.");
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(Sign(id, timestampText, payload)));
        foreach (var entry in signature.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            // Standard Webhooks: each entry is "{version},{signature}"; only v1 (HMAC-SHA256) counts, a bare one never.
            if (!entry.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(entry[SignaturePrefix.Length..])))
            {
                return;
            }
        }
        throw new WebhookVerificationException(
            WebhookFailure.NoMatchingSignature, "The given webhook signature does not match the expected signature.");
    }

    /// <summary>The signature header value for a payload: for tests and for the emulator's deliveries.</summary>
    public string Sign(string webhookId, string webhookTimestamp, string payload) =>
        SignaturePrefix + Convert.ToBase64String(Sign(webhookId, webhookTimestamp, Encoding.UTF8.GetBytes(payload)));

    private byte[] Sign(string id, string timestampText, ReadOnlySpan<byte> payload)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestampText}.");
        var content = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(content, 0);
        payload.CopyTo(content.AsSpan(prefix.Length));
        return HMACSHA256.HashData(_key, content);
    }

    private static byte[] Key(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }
        try
        {
            return Convert.FromBase64String(secret[SecretPrefix.Length..]);
        }
        catch (FormatException)
        {
            throw new ArgumentException("A webhook secret that starts with whsec_ must continue in base64.", nameof(secret));
        }
    }

    private static string? Header(IEnumerable<KeyValuePair<string, StringValues>> headers, string name) =>
        headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase) && h.Value.Count > 0).Value is { Count: > 0 } values
            ? values.ToString()
            : null;

    private static string Required(string? value, string header) => string.IsNullOrEmpty(value)
        ? throw new WebhookVerificationException(WebhookFailure.MissingHeader, $"Missing required header: {header}.")
        : value;
}
