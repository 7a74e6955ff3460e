namespace SoraStudio.Core.StyleBible;

/// <summary>A recurring character: the name shots use, and the description repeated wherever the name appears.</summary>
public sealed record BibleCharacter(string Name, string Description);
