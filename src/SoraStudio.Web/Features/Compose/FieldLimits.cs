namespace SoraStudio.Web.Features.Compose;

/// <summary>How much one field takes.</summary>
public static class FieldLimits
{
    /// <summary>
    /// Characters per field. Every keystroke sends the field's whole value to the server in one SignalR message, and
    /// Blazor Server closes the circuit on a message over 32 KB (HubOptions.MaximumReceiveMessageSize): 8,000 characters
    /// stay under it even at three UTF-8 bytes each. The browser cuts a longer paste; <see cref="LengthNote"/> says so.
    /// </summary>
    public const int Characters = 8_000;
}
