namespace SoraStudio.Web.Features.Accounts;

/// <summary>Return addresses after sign-in: only paths of this site, so a link cannot send someone elsewhere.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : "/";
}
