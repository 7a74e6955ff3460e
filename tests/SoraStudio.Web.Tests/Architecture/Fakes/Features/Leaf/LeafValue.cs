namespace SoraStudio.Web.Tests.Architecture.Fakes.Features.Leaf;

internal sealed record LeafValue(string Text);
