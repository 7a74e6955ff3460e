using SoraStudio.Web.Tests.Architecture.Fakes.Features.Leaf;
using SoraStudio.Web.Tests.Architecture.Fakes.Features.Pong;

namespace SoraStudio.Web.Tests.Architecture.Fakes.Features.Ping;

// For ArchitectureRulesTests: Ping and Pong use each other (Ping in its code only, Pong in a signature); both use Leaf.

internal sealed class PingService
{
    public string Serve(LeafValue value) => PongService.Answer(this) + value.Text;
}
