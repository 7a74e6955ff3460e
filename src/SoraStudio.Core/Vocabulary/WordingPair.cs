namespace SoraStudio.Core.Vocabulary;

/// <summary>
/// A vague phrase and the guide's concrete alternative for it.
/// </summary>
/// <param name="Weak">The vague phrase, as the guide quotes it.</param>
/// <param name="Strong">The guide's concrete wording that replaces it.</param>
/// <param name="Aspect">What the wording describes: "setting", "action", "look", "lighting", "camera", "sound".</param>
public sealed record WordingPair(string Weak, string Strong, string Aspect);
