namespace SoraStudio.Web.Storage;

/// <summary>Content that did not arrive whole (short, long, or not the bytes expected); nothing was stored.</summary>
public sealed class ClipStoreException(string message, Exception? innerException = null) : IOException(message, innerException);
