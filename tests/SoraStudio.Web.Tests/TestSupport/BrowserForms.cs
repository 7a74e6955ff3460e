using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Parser;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>
/// Plain HTTP as a browser does it, without a browser: cookies kept, redirects not followed, and forms posted with the
/// hidden fields the page rendered (the antiforgery token, Blazor's form name). A client can come from another
/// loopback address (127.0.0.2, …), which the server sees as another client.
/// </summary>
public static class BrowserForms
{
    public static HttpClient Client(Uri baseAddress, string fromAddress = "127.0.0.1")
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(fromAddress), 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    /// <summary>
    /// Loads <paramref name="page"/> and posts its form that has a field named <paramref name="field"/> or posts to
    /// <paramref name="field"/>, with <paramref name="fields"/> filled in.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string page, string field, IReadOnlyDictionary<string, string> fields)
    {
        var html = await http.GetStringAsync(page);
        var form = new HtmlParser().ParseDocument(html).Forms
            .FirstOrDefault(f => f.GetAttribute("action") == field || f.Elements.Any(e => e.GetAttribute("name") == field))
            ?? throw new InvalidOperationException($"{page} has no form with a field {field} or posting to it.");
        var values = form.Elements.Where(e => e.LocalName == "input" && e.GetAttribute("type") == "hidden" && e.GetAttribute("name") is not null)
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
            values[name] = value;
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : page;
        return await http.PostAsync(action, new FormUrlEncodedContent(values));
    }
}
