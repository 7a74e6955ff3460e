using SoraStudio.Web.Tests.Architecture.Fakes.Features.Leaf;
using SoraStudio.Web.Tests.Architecture.Fakes.Features.Ping;

namespace SoraStudio.Web.Tests.Architecture.Fakes.Features.Pong;

internal static class PongService
{
    public static string Answer(PingService caller) => $"{caller.GetType().Name} {new LeafValue("pong").Text}";
}
