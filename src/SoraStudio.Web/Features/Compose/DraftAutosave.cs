using SoraStudio.Web.Components.Fields;
using SoraStudio.Web.Features.Shots;

namespace SoraStudio.Web.Features.Compose;

/// <summary>The shot page's autosave of its draft (title and spec).</summary>
public sealed class DraftAutosave(Func<ShotInput, Task> save, TimeSpan delay, TimeProvider time) : Autosave<ShotInput>(save, delay, time);
