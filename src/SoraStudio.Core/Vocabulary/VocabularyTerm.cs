namespace SoraStudio.Core.Vocabulary;

/// <summary>A term of the guide's vocabulary, what it does, and the guide's example wording.</summary>
public sealed record VocabularyTerm(string Term, string Description, string Example);
